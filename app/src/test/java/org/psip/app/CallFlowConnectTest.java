package org.psip.app;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.BridgedCalls;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.WebhookServer;
import org.psip.sip.SipService;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;
import org.psip.sip.test.StackCounters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psip.app.test.BridgedCalls.assertAllSucceeded;
import static org.psip.app.test.BridgedCalls.scenario;

/**
 * SIPp caller → psip (ACL, answer_url) → the NCCO's connect → SIPp callee: the
 * call is bridged, the SDP passes unchanged both ways (the scenarios check it), and
 * every failure reaches the caller as the callee's own code.
 */
class CallFlowConnectTest {

    private static final int CALLEE = AvailablePortFinder.getNextAvailable();
    private static final int BUSY_CALLEE = AvailablePortFinder.getNextAvailable();
    private static final Duration RUN = BridgedCalls.RUN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: connect-test-secret
              regions:
                us: { label: sip-us, trunk: "sip:127.0.0.1:%1$d", media_server: "sip:media@127.0.0.1:%1$d" }
            applications:
              connector:
                answer_url: ${webhook}/answer
                event_url: ${webhook}/events
            domains:
              acme:
                application: connector
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
        SipService sip = gateway.sipService();
        StackCounters.awaitNothingLeft(sip);
    }

    @Test
    void connect_to_a_sip_uri_bridges_the_call_with_the_ncco_headers_and_user_to_user() throws Exception {
        answerWith("""
                [{"action":"connect","endpoint":[{"type":"sip","uri":"sip:agent@127.0.0.1:%d",
                  "headers":{"Customer":"acme-42"},
                  "standardHeaders":{"User-to-User":"56a390f3d2b7310023a2;encoding=hex"}}]}]""".formatted(CALLEE));
        Sipp callee = calleeChecking("X-Customer:", "acme-42", "User-to-User:", "56a390f3d2b7310023a2;encoding=hex");

        Sipp.Result[] results = run(callee, caller("caller", 1));

        assertAllSucceeded(results, 1);
    }

    @Test
    void the_callee_hanging_up_ends_the_callers_leg_too() throws Exception {
        answerWith(connectTo("sip:agent@127.0.0.1:" + CALLEE));

        Sipp.Result[] results = run(callee("callee", 2), caller("callee", 2));

        assertAllSucceeded(results, 2);
    }

    @Test
    void a_busy_callee_gives_the_caller_486() throws Exception {
        answerWith(connectTo("sip:agent@127.0.0.1:" + BUSY_CALLEE));
        Sipp busy = Sipp.scenarioText(SippScenarios.calleeAnswering(486), "127.0.0.1", gateway.port())
                .localPort(BUSY_CALLEE).calls(1);

        Sipp.Result[] results = run(busy, BUSY_CALLEE,
                gateway.sipp(SippScenarios.call(486, ""), "1234", "acme.sip.example.com").calls(1));

        assertAllSucceeded(results, 1);
    }

    @Test
    void a_bridged_call_reports_both_legs_to_event_url_in_order_with_its_duration() throws Exception {
        answerWith(connectTo("sip:agent@127.0.0.1:" + CALLEE));
        // the callee talks for a little over a second, then hangs up
        Sipp callee = Sipp.scenarioText(scenario("/scenarios/bridge/uas-answer.xml")
                .replace("<pause milliseconds=\"200\"/>", "<pause milliseconds=\"1300\"/>"), "127.0.0.1",
                gateway.port()).localPort(CALLEE).key("hangup", "callee").calls(1);

        assertAllSucceeded(run(callee, caller("callee", 1)), 1);

        List<Map<String, Object>> events = events(7);
        assertThat(events).extracting(event -> event.get("direction") + " " + event.get("status")).containsExactly(
                "inbound started", "outbound started", "outbound ringing", "outbound answered", "inbound answered",
                "outbound completed", "inbound completed");
        assertThat(events).extracting(event -> event.get("conversation_uuid")).containsOnly(
                events.get(0).get("conversation_uuid"));
        assertThat(events.get(6)).containsEntry("duration", "1").containsEntry("to", "1234");
        assertThat(events.get(5)).containsEntry("duration", "1").containsEntry("to", "sip:agent@127.0.0.1:" + CALLEE);
    }

    @Test
    void a_busy_callee_is_reported_busy_on_both_legs_with_its_code() throws Exception {
        answerWith(connectTo("sip:agent@127.0.0.1:" + BUSY_CALLEE));
        Sipp busy = Sipp.scenarioText(SippScenarios.calleeAnswering(486), "127.0.0.1", gateway.port())
                .localPort(BUSY_CALLEE).calls(1);

        assertAllSucceeded(run(busy, BUSY_CALLEE,
                gateway.sipp(SippScenarios.call(486, ""), "1234", "acme.sip.example.com").calls(1)), 1);

        List<Map<String, Object>> events = events(4);
        assertThat(events).extracting(event -> event.get("direction") + " " + event.get("status")
                + " " + event.get("sip_code")).containsExactly("inbound started null", "outbound started null",
                "outbound busy 486", "inbound busy 486");
    }

    @Test
    void when_the_first_endpoint_is_busy_the_next_one_answers() throws Exception {
        answerWith("""
                [{"action":"connect","endpoint":[{"type":"sip","uri":"sip:first@127.0.0.1:%d"}]},
                 {"action":"connect","endpoint":[{"type":"sip","uri":"sip:second@127.0.0.1:%d"}]}]"""
                .formatted(BUSY_CALLEE, CALLEE));
        Sipp busy = Sipp.scenarioText(SippScenarios.calleeAnswering(486), "127.0.0.1", gateway.port())
                .localPort(BUSY_CALLEE).calls(1);
        Process busyProcess = busy.start();
        Sipp.awaitBound("127.0.0.1", BUSY_CALLEE);

        Sipp.Result[] results = run(callee("caller", 1), caller("caller", 1));
        Sipp.Result busyResult = busy.await(busyProcess, RUN);

        assertAllSucceeded(results, 1);
        assertThat(busyResult.exitCode()).as(busyResult::describe).isZero();
    }

    @Test
    void connect_to_a_phone_number_goes_out_through_the_regions_trunk() throws Exception {
        answerWith("[{\"action\":\"connect\",\"from\":\"14155550100\","
                + "\"endpoint\":[{\"type\":\"phone\",\"number\":\"447700900000\"}]}]");
        Sipp trunk = calleeChecking("INVITE ", "sip:447700900000@127.0.0.1", "From:", ".*sip:14155550100@");

        Sipp.Result[] results = run(trunk, caller("caller", 1));

        assertAllSucceeded(results, 1);
    }

    @Test
    void a_talk_action_is_handed_to_the_regions_media_server_with_the_call_and_the_ncco_location()
            throws Exception {
        answerWith("[{\"action\":\"talk\",\"text\":\"Welcome\"}]");
        Sipp mediaServer = calleeChecking("X-Psip-Ncco-Index:", "0", "X-Psip-Call-Uuid:", "[0-9a-f-]{36}");

        Sipp.Result[] results = run(mediaServer, caller("caller", 1));

        assertAllSucceeded(results, 1);
    }

    // ---------------------------------------------------------------- helpers

    /** The next events event_url received, as JSON objects. */
    private static List<Map<String, Object>> events(int count) throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WebhookServer.Request event = gateway.webhook().next("/events", Duration.ofSeconds(5));
            assertThat(event).as("event %d of %d; before it: %s", i + 1, count, events).isNotNull();
            events.add(JSON.readValue(event.body(), JSON_OBJECT));
        }
        return events;
    }

    private static void answerWith(String ncco) {
        gateway.webhook().answer("/answer", 200, ncco);
    }

    private static String connectTo(String uri) {
        return "[{\"action\":\"connect\",\"endpoint\":[{\"type\":\"sip\",\"uri\":\"" + uri + "\"}]}]";
    }

    private static Sipp caller(String hangup, int calls) throws IOException {
        return CALLS.caller(hangup, calls);
    }

    private static Sipp callee(String hangup, int calls) throws IOException {
        return CALLS.callee(CALLEE, hangup, calls);
    }

    private static Sipp calleeChecking(String... headerAndValue) throws IOException {
        return CALLS.calleeChecking(CALLEE, headerAndValue);
    }

    private static Sipp.Result[] run(Sipp callee, Sipp caller) throws Exception {
        return CALLS.run(callee, CALLEE, caller);
    }

    private static Sipp.Result[] run(Sipp callee, int calleePort, Sipp caller) throws Exception {
        return CALLS.run(callee, calleePort, caller);
    }
}
