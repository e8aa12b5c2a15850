package org.psip.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Route;
import org.apache.camel.support.service.ServiceHelper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.SipCaller;
import org.psip.sip.test.SippScenarios;
import org.psip.app.test.WebhookServer;
import org.psip.routes.directory.RouteFileRefusal;
import org.psip.sip.test.SipText;
import org.psip.sip.test.Sipp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes directory of a running gateway under calls: a file dropped in or taken
 * out changes the call flow within a second, the calls already in progress finish on
 * the route they started on, no call is lost while the flow is swapped, and a broken
 * file changes nothing.
 */
class RoutesDirectoryLiveTest {

    private static final Logger LOG = LoggerFactory.getLogger(RoutesDirectoryLiveTest.class);

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: routes-directory-test-secret
            applications:
              talker:
                answer_url: ${webhook}/answer
            domains:
              acme:
                application: talker
                acl: [ 127.0.0.1/32 ]
                digest: false
            """;
    private static final String TALK_NCCO = "[{\"action\":\"talk\",\"text\":\"Hello\"}]";
    private static final String ACME = "sip:1234@acme.sip.example.com";
    /** The caller docs/examples/block-caller.* declines. */
    private static final String BLOCKED = "15550100999";
    /** A call the application answers with a talk ends in 488: no media server is configured here. */
    private static final int ANSWERED = 488;
    private static final int LOAD_RATE = 40;
    private static final int LOAD_CALLS = 280;
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY);

    @BeforeEach
    void applicationAnswersTalk() {
        gateway.webhook().clear();
        gateway.webhook().answer("/answer", 200, TALK_NCCO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "xml"})
    void under_steady_load_a_dropped_file_declines_one_caller_and_its_removal_lets_it_through_again(String dsl)
            throws Exception {
        Sipp others = gateway.sipp(SippScenarios.call(ANSWERED, ""), "1234", "acme.sip.example.com")
                .calls(LOAD_CALLS).rate(LOAD_RATE);
        Process load = others.start();
        try (SipCaller blocked = gateway.caller()) {
            assertThat(blocked.inviteFrom(BLOCKED, ACME).status()).isEqualTo(ANSWERED);

            long dropped = System.nanoTime();
            gateway.dropExample("block-caller." + dsl);
            awaitAnswer(blocked, 603);
            long blocking = System.nanoTime();
            assertNextCallsGet(blocked, 603);

            gateway.removeRouteFiles();
            awaitAnswer(blocked, ANSWERED);
            LOG.info("{}: calls declined {} ms after the file was dropped, let through {} ms after it was removed",
                    dsl, (blocking - dropped) / 1_000_000, (System.nanoTime() - blocking) / 1_000_000);
            assertNextCallsGet(blocked, ANSWERED);
            assertThat(load.isAlive()).as("the load ran all along").isTrue();
        }
        Sipp.Result result = others.await(load, Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(LOAD_CALLS);
        assertThat(result.failedCalls()).as(result.describe()).isZero();
    }

    @Test
    void a_call_waiting_on_answer_url_finishes_on_the_route_it_started_on_while_a_file_replaces_the_flow()
            throws Exception {
        CountDownLatch applicationAnswers = gateway.webhook().hold("/answer");
        try (SipCaller first = gateway.caller(); SipCaller second = gateway.caller()) {
            CompletableFuture<SipText> inProgress = CompletableFuture.supplyAsync(() -> invite(first, "alice"));
            WebhookServer.Request firstAsk = gateway.webhook().next("/answer", WITHIN);
            assertThat(firstAsk).as("the first call waits on answer_url").isNotNull();
            Route shipped = gateway.gateway().main().getCamelContext().getRoute(CallFlowGateway.CALL_FLOW);

            gateway.dropExample("answer-url-params.yaml");
            Awaitility.await().atMost(WITHIN).until(() -> !ServiceHelper.isStarted(shipped.getConsumer()));
            CompletableFuture<SipText> arriving = CompletableFuture.supplyAsync(() -> invite(second, "bob"));
            applicationAnswers.countDown();

            assertThat(inProgress.get(10, TimeUnit.SECONDS).status()).as("the call in progress").isEqualTo(ANSWERED);
            assertThat(firstAsk.query()).doesNotContainKey("tenant");
            assertThat(arriving.get(10, TimeUnit.SECONDS).status()).as("the call during the swap").isEqualTo(ANSWERED);
            WebhookServer.Request secondAsk = gateway.webhook().next("/answer", WITHIN);
            assertThat(secondAsk.query()).containsEntry("from", "bob").containsEntry("tenant", "acme-corp");
        }
    }

    @Test
    void a_file_naming_a_bean_that_does_not_exist_is_refused_with_file_line_and_problem_and_changes_nothing()
            throws Exception {
        gateway.loadExample("block-caller.yaml");
        Path example = gateway.routesDirectory().resolve("block-caller.yaml");
        Route running = gateway.gateway().main().getCamelContext().getRoute(CallFlowGateway.CALL_FLOW);

        String broken = Files.readString(example).replace("ref: rejectCall", "ref: rejectCal")
                .replace("15550100999", "15550100888");
        Files.writeString(example, broken);
        RouteFileRefusal refusal = awaitRefusal(example);

        int line = lineOf(broken, "ref: rejectCal");
        assertThat(refusal.describe()).isEqualTo(example.toAbsolutePath() + " line " + line
                + ": no bean named 'rejectCal' (route psip-call-flow)");
        assertThat(gateway.gateway().main().getCamelContext().getRoute(CallFlowGateway.CALL_FLOW))
                .as("the route that ran before").isSameAs(running);
        try (SipCaller caller = gateway.caller()) {
            assertThat(caller.inviteFrom(BLOCKED, ACME).status()).as("still declined").isEqualTo(603);
            assertThat(caller.inviteFrom("15550100888", ACME).status()).isEqualTo(ANSWERED);
        }
    }

    @Test
    void an_xml_file_that_does_not_parse_is_refused_with_file_line_and_problem_and_changes_nothing()
            throws Exception {
        Route running = gateway.gateway().main().getCamelContext().getRoute(CallFlowGateway.CALL_FLOW);
        Path file = gateway.routesDirectory().resolve("block-caller.xml");
        try (var example = getClass().getResourceAsStream("/docs-examples/block-caller.xml")) {
            String broken = new String(example.readAllBytes()).replace("<process ref=\"rejectCall\"/>",
                    "<process ref=\"rejectCall\">");
            Files.writeString(file, broken);
        }
        RouteFileRefusal refusal = awaitRefusal(file);

        assertThat(refusal.line()).isEqualTo(lineOf(Files.readString(file), "</when>"));
        assertThat(refusal.problem()).startsWith("end tag name </when> must match start tag name <process>");
        assertThat(gateway.gateway().main().getCamelContext().getRoute(CallFlowGateway.CALL_FLOW)).isSameAs(running);
        try (SipCaller caller = gateway.caller()) {
            assertThat(caller.inviteFrom(BLOCKED, ACME).status()).as("not declined").isEqualTo(ANSWERED);
        }
    }

    private static void awaitAnswer(SipCaller caller, int code) {
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> caller.inviteFrom(BLOCKED, ACME).status() == code);
    }

    private static void assertNextCallsGet(SipCaller caller, int code) throws Exception {
        for (int call = 0; call < 5; call++) {
            SipText answer = caller.inviteFrom(BLOCKED, ACME);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(code);
            if (code == 603) {
                assertThat(answer.header("Reason")).contains("calls from this number are declined");
            }
        }
    }

    private static SipText invite(SipCaller caller, String from) {
        try {
            return caller.inviteFrom(from, ACME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RouteFileRefusal awaitRefusal(Path file) {
        Path refused = file.toAbsolutePath().normalize();
        Awaitility.await().atMost(WITHIN).until(() -> gateway.gateway().routesDirectory().lastRefusal()
                .filter(refusal -> refusal.file().equals(refused)).isPresent());
        return gateway.gateway().routesDirectory().lastRefusal().orElseThrow();
    }

    private static int lineOf(String text, String fragment) {
        return text.lines().toList().indexOf(text.lines().filter(line -> line.contains(fragment)).findFirst()
                .orElseThrow()) + 1;
    }
}
