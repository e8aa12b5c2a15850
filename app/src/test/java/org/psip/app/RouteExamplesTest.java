package org.psip.app;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.SipCaller;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.SipText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route examples docs/examples ships, each in YAML DSL and XML IO DSL, dropped as
 * they are into a running gateway's routes directory and tried with real calls.
 */
class RouteExamplesTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: route-examples-test-secret
            applications:
              talker:
                answer_url: ${webhook}/answer
              globex-main:
                answer_url: ${webhook}/globex-main
              globex-beta:
                answer_url: ${webhook}/globex-beta
            domains:
              acme:
                application: talker
                acl: [ 127.0.0.1/32 ]
                digest: false
              globex:
                application: globex-main
                acl: [ 127.0.0.1/32 ]
                digest: false
            """;
    private static final String TALK_NCCO = "[{\"action\":\"talk\",\"text\":\"Hello\"}]";
    private static final String ACME = "sip:1234@acme.sip.example.com";
    private static final String GLOBEX = "sip:1234@globex.sip.example.com";
    /** A call the application answers with a talk ends in 488: no media server is configured here. */
    private static final int ANSWERED = 488;
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY);

    @BeforeEach
    void applicationsAnswerTalk() {
        gateway.webhook().clear();
        for (String path : new String[] {"/answer", "/globex-main", "/globex-beta"}) {
            gateway.webhook().answer(path, 200, TALK_NCCO);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "xml"})
    void block_caller_declines_the_blocked_caller_with_603_and_a_reason_and_lets_others_through(String dsl)
            throws Exception {
        gateway.loadExample("block-caller." + dsl);

        try (SipCaller caller = gateway.caller()) {
            SipText blocked = caller.inviteFrom("15550100999", ACME);
            SipText other = caller.inviteFrom("15550100123", ACME);

            assertThat(blocked.status()).as(blocked.raw()).isEqualTo(603);
            assertThat(blocked.header("Reason")).isEqualTo("SIP;cause=603;text=\"calls from this number are declined\"");
            assertThat(other.status()).as(other.raw()).isEqualTo(ANSWERED);
        }
        WebhookServer.Request asked = gateway.webhook().next("/answer", WAIT);
        assertThat(asked.query()).containsEntry("from", "15550100123");
        assertThat(gateway.webhook().count("/answer")).as("the blocked call never reaches the application").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "xml"})
    void answer_url_params_adds_its_parameters_to_every_answer_url_request(String dsl) throws Exception {
        gateway.loadExample("answer-url-params." + dsl);

        callsAreAnswered(ACME, GLOBEX);

        for (String path : new String[] {"/answer", "/globex-main"}) {
            WebhookServer.Request asked = gateway.webhook().next(path, WAIT);
            assertThat(asked.query()).containsEntry("tenant", "acme-corp").containsEntry("source_ip", "127.0.0.1")
                    .containsEntry("to", "1234").containsEntry("from", "caller").containsKey("uuid");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "xml"})
    void domain_application_sends_one_domains_calls_to_another_application(String dsl) throws Exception {
        gateway.loadExample("domain-application." + dsl);

        callsAreAnswered(GLOBEX, ACME);

        assertThat(gateway.webhook().next("/globex-beta", WAIT)).as("globex's call, at globex-beta").isNotNull();
        assertThat(gateway.webhook().count("/globex-main")).isZero();
        assertThat(gateway.webhook().next("/answer", WAIT)).as("acme's call, at its own application").isNotNull();
    }

    private static void callsAreAnswered(String... requestUris) throws Exception {
        try (SipCaller caller = gateway.caller()) {
            for (String requestUri : requestUris) {
                SipText answer = caller.invite(requestUri);
                assertThat(answer.status()).as(answer.raw()).isEqualTo(ANSWERED);
            }
        }
    }
}
