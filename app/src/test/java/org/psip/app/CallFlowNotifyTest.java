package org.psip.app;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.BridgedCalls;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;
import org.psip.sip.test.StackCounters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psip.app.test.BridgedCalls.RUN;
import static org.psip.app.test.BridgedCalls.assertAllSucceeded;

/**
 * NCCO {@code notify}: SIPp caller → psip → answer_url's NCCO with a notify before its
 * connect → the notify's eventUrl (a real HTTP server) → a SIPp callee. The call waits
 * for the application's answer; an NCCO in it replaces the rest of the NCCO, and
 * anything else (no NCCO, an invalid one, a failed request) lets the NCCO go on.
 */
class CallFlowNotifyTest {

    private static final int CALLEE = AvailablePortFinder.getNextAvailable();
    private static final int OTHER_CALLEE = AvailablePortFinder.getNextAvailable();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYLOAD = "{\"step\":\"before connect\",\"attempt\":2,\"caller\":{\"vip\":true}}";

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: notify-test-secret
              regions:
                us: { label: sip-us, media_server: "sip:media@127.0.0.1:%1$d" }
            applications:
              notifier:
                answer_url: ${webhook}/answer
                event_url: ${webhook}/events
              impatient:
                answer_url: ${webhook}/answer
                read_timeout: 1000
            domains:
              acme:
                application: notifier
                acl: [ 127.0.0.1/32 ]
                digest: false
              impatient:
                application: impatient
                acl: [ 127.0.0.1/32 ]
                digest: false
            """.formatted(CALLEE);

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY);
    private static final BridgedCalls CALLS = new BridgedCalls(gateway);

    @BeforeEach
    void clear() {
        gateway.webhook().clear();
        gateway.webhook().answer("/events", 200, "");
    }

    @AfterEach
    void no_bridge_dialog_or_timer_outlives_its_call() {
        StackCounters.awaitNothingLeft(gateway.sipService());
    }

    @Test
    void notify_posts_its_payload_to_its_event_url_and_the_callee_is_called_only_once_it_answered()
            throws Exception {
        answerWith(notify("POST", webhook("/notify")), connectTo("agent", CALLEE));
        gateway.webhook().answer("/notify", 200, "");
        CountDownLatch application = gateway.webhook().hold("/notify");
        Sipp callee = CALLS.callee(CALLEE, "caller", 1);
        Process answering = callee.start();
        Sipp.awaitBound(CallFlowGateway.HOST, CALLEE);
        Sipp caller = CALLS.caller("caller", 1);
        Process calling = caller.start();

        WebhookServer.Request notify = gateway.webhook().next("/notify", Duration.ofSeconds(10));
        assertThat(notify).as("the notify request").isNotNull();
        assertThat(notify.method()).isEqualTo("POST");
        assertThat(notify.headers().get("content-type")).startsWith("application/json");
        assertThat(JSON.readTree(notify.body())).isEqualTo(JSON.readTree(PAYLOAD));
        long beforeTheAnswer = gateway.webhook().arrivals();
        application.countDown();

        assertAllSucceeded(new Sipp.Result[] {caller.await(calling, RUN), callee.await(answering, RUN)}, 1);
        assertThat(outboundStarted().arrival()).as("the leg to the callee is reported after the notify's answer")
                .isGreaterThan(beforeTheAnswer);
    }

    @Test
    void an_ncco_in_the_notify_answer_replaces_the_rest_of_the_ncco() throws Exception {
        // the old NCCO's callee does not exist: only the replacement's can answer
        answerWith(notify("POST", webhook("/notify")), connectTo("old", CALLEE));
        gateway.webhook().answer("/notify", 200, "[" + connectTo("replacement", OTHER_CALLEE) + "]");
        Sipp replacement = CALLS.calleeChecking(OTHER_CALLEE, "INVITE ", "sip:replacement@127.0.0.1");

        assertAllSucceeded(CALLS.run(replacement, OTHER_CALLEE, CALLS.caller("caller", 1)), 1);
    }

    @Test
    void a_media_action_from_a_notify_answer_reaches_the_media_server_with_the_notify_url_as_its_source()
            throws Exception {
        answerWith(notify("POST", webhook("/notify")), connectTo("agent", OTHER_CALLEE));
        gateway.webhook().answer("/notify", 200, "[{\"action\":\"talk\",\"text\":\"Please hold\"}]");
        Sipp mediaServer = CALLS.calleeChecking(CALLEE, "X-Psip-Ncco-Source:", webhook("/notify"),
                "X-Psip-Ncco-Index:", "0");

        assertAllSucceeded(CALLS.run(mediaServer, CALLEE, CALLS.caller("caller", 1)), 1);
    }

    @Test
    void notify_with_event_method_get_sends_the_payload_fields_as_query_parameters() throws Exception {
        answerWith(notify("GET", webhook("/notify?app=crm")), connectTo("agent", CALLEE));
        gateway.webhook().answer("/notify", 200, "");

        assertAllSucceeded(CALLS.run(CALLS.callee(CALLEE, "caller", 1), CALLEE, CALLS.caller("caller", 1)), 1);

        WebhookServer.Request notify = gateway.webhook().next("/notify", Duration.ofSeconds(5));
        assertThat(notify.method()).isEqualTo("GET");
        assertThat(notify.query()).containsExactly(Map.entry("app", "crm"),
                Map.entry("step", "before connect"), Map.entry("attempt", "2"),
                Map.entry("caller", "{\"vip\":true}"));
        assertThat(notify.body()).isEmpty();
    }

    @Test
    void a_notify_to_a_dead_event_url_lets_the_ncco_go_on_to_its_next_action() throws Exception {
        answerWith(notify("POST", gateway.closedUrl("/notify")), notify("POST", webhook("/next")),
                connectTo("agent", CALLEE));
        gateway.webhook().answer("/next", 204, "");

        assertAllSucceeded(CALLS.run(CALLS.callee(CALLEE, "caller", 1), CALLEE, CALLS.caller("caller", 1)), 1);
        assertThat(gateway.webhook().count("/next")).as("the next action's notify").isEqualTo(1);
    }

    @Test
    void notify_answers_that_notify_again_end_after_twenty_notifies() throws Exception {
        answerWith(notify("POST", webhook("/loop")));
        gateway.webhook().answer("/loop", 200, "[" + notify("POST", webhook("/loop")) + "]");

        Sipp.Result result = gateway.sipp(SippScenarios.call(480, ""), "1234", "acme.sip.example.com").calls(1)
                .run(Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(gateway.webhook().count("/loop")).isEqualTo(20);
    }

    @Test
    void a_notify_answered_with_an_error_status_lets_the_ncco_go_on_whatever_its_body() throws Exception {
        answerWith(notify("POST", webhook("/notify")), connectTo("agent", CALLEE));
        gateway.webhook().answer("/notify", 503, "[" + connectTo("replacement", OTHER_CALLEE) + "]");

        assertAllSucceeded(CALLS.run(CALLS.callee(CALLEE, "caller", 1), CALLEE, CALLS.caller("caller", 1)), 1);
        assertThat(gateway.webhook().count("/notify")).isEqualTo(1);
    }

    @Test
    void an_invalid_ncco_in_the_notify_answer_lets_the_ncco_go_on() throws Exception {
        answerWith(notify("POST", webhook("/notify")), connectTo("agent", CALLEE));
        gateway.webhook().answer("/notify", 200, "[{\"action\":\"connect\",\"endpoint\":[{\"type\":\"sip\"}]}]");

        assertAllSucceeded(CALLS.run(CALLS.callee(CALLEE, "caller", 1), CALLEE, CALLS.caller("caller", 1)), 1);
        assertThat(gateway.webhook().count("/notify")).isEqualTo(1);
    }

    @Test
    void a_notify_unanswered_within_the_applications_read_timeout_lets_the_call_connect() throws Exception {
        answerWith(notify("POST", webhook("/notify")), connectTo("agent", CALLEE));
        gateway.webhook().answer("/notify", 200, "[" + connectTo("replacement", OTHER_CALLEE) + "]");
        gateway.webhook().hold("/notify"); // released after the test: the application never answers in time

        assertAllSucceeded(CALLS.run(CALLS.callee(CALLEE, "caller", 1), CALLEE,
                CALLS.caller("impatient.sip.example.com", "caller", 1)), 1);
        assertThat(gateway.webhook().count("/notify")).isEqualTo(1);
    }

    @Test
    void a_caller_who_cancels_while_notify_waits_is_reported_cancelled_and_no_leg_is_placed() throws Exception {
        answerWith(notify("POST", webhook("/notify")), connectTo("agent", CALLEE));
        gateway.webhook().answer("/notify", 200, "");
        CountDownLatch application = gateway.webhook().hold("/notify");
        String cancelAfterTrying = BridgedCalls.scenario("/scenarios/uac-cancel.xml")
                .replace("sip:slow@[remote_ip]:[remote_port]", "sip:[service]@[domain]")
                // CANCEL right after 100 Trying; the pause keeps the message indexes [branch-N] counts on
                .replace("<recv response=\"100\" optional=\"true\"/>\n  <recv response=\"180\"/>",
                        "<recv response=\"100\"/>\n  <pause milliseconds=\"1\"/>");
        Sipp caller = gateway.sipp(cancelAfterTrying, "1234", "acme.sip.example.com").calls(1);
        Process calling = caller.start();

        assertThat(gateway.webhook().next("/notify", Duration.ofSeconds(10))).as("the notify request").isNotNull();
        Sipp.Result cancelled = caller.await(calling, RUN);
        application.countDown();

        assertThat(cancelled.exitCode()).as(cancelled::describe).isZero();
        assertThat(nextEvent()).containsEntry("direction", "inbound").containsEntry("status", "started");
        assertThat(nextEvent()).as("no leg is placed after the caller is gone")
                .containsEntry("direction", "inbound").containsEntry("status", "cancelled")
                .containsEntry("sip_code", 487);
    }

    // ---------------------------------------------------------------- helpers

    private static void answerWith(String... actions) {
        gateway.webhook().answer("/answer", 200, "[" + String.join(",", actions) + "]");
    }

    private static String notify(String method, String url) {
        return "{\"action\":\"notify\",\"payload\":" + PAYLOAD + ",\"eventUrl\":[\"" + url + "\"],\"eventMethod\":\""
                + method + "\"}";
    }

    /** A connect to user@127.0.0.1:port that gives up ringing soon: a missing callee fails the call quickly. */
    private static String connectTo(String user, int port) {
        return "{\"action\":\"connect\",\"timeout\":5,\"endpoint\":[{\"type\":\"sip\",\"uri\":\"sip:" + user
                + "@127.0.0.1:" + port + "\"}]}";
    }

    private static String webhook(String path) {
        return gateway.webhook().url(path);
    }

    private static Map<String, Object> nextEvent() throws Exception {
        WebhookServer.Request event = gateway.webhook().next("/events", Duration.ofSeconds(5));
        assertThat(event).as("an event").isNotNull();
        return JSON.readValue(event.body(), new TypeReference<Map<String, Object>>() {
        });
    }

    /** The event that reports the leg psip placed to the callee. */
    private static WebhookServer.Request outboundStarted() throws Exception {
        for (int i = 0; i < 10; i++) {
            WebhookServer.Request event = gateway.webhook().next("/events", Duration.ofSeconds(5));
            assertThat(event).as("an outbound started event").isNotNull();
            JsonNode fields = JSON.readTree(event.body());
            if ("outbound".equals(fields.path("direction").asText()) && "started".equals(fields.path("status")
                    .asText())) {
                return event;
            }
        }
        throw new AssertionError("no outbound started event among the first 10");
    }
}
