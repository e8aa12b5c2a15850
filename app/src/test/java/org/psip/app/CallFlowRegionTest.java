package org.psip.app;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.DigestChallenge;
import org.psip.app.test.SipCaller;
import org.psip.sip.test.SippScenarios;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.SipText;
import org.psip.sip.test.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node of the us region: calls for us stay here and tell the application the
 * region's gateway; calls for eu, once authenticated, are redirected to eu's gateway
 * (psip.region-forwarding=redirectToRegion). The gateways are addresses only, never called.
 */
class CallFlowRegionTest {

    private static final String US_GATEWAY = "sip:127.0.0.1:15060";
    private static final String EU_GATEWAY = "sip:127.0.0.1:15070";

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: region-test-secret
              regions:
                us: { label: sip-us, gateway: "%s" }
                eu: { label: sip-eu, gateway: "%s" }
            applications:
              talker:
                answer_url: ${webhook}/answer
            domains:
              acme:
                application: talker
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
            """.formatted(US_GATEWAY, EU_GATEWAY);

    private static final String ACME_IN_EU = "sip:1234@acme.sip-eu.example.com";

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY,
            Map.of("psip.region-forwarding", "redirectToRegion"));

    @BeforeAll
    static void applicationAnswersTalk() {
        gateway.webhook().answer("/answer", 200, "[{\"action\":\"talk\",\"text\":\"Hello\"}]");
    }

    @BeforeEach
    void forgetEarlierRequests() {
        gateway.webhook().clear();
    }

    @Test
    void with_redirect_chosen_an_authenticated_call_for_another_region_gets_302_to_that_regions_gateway() throws Exception {
        try (SipCaller caller = gateway.caller()) {
            SipText challenge = caller.invite(ACME_IN_EU);
            assertThat(challenge.status()).as("authentication comes before the redirect: " + challenge.raw())
                    .isEqualTo(401);
            String authorization = DigestChallenge.parse(challenge.header("WWW-Authenticate"))
                    .answer("alice", "secret", "INVITE", ACME_IN_EU);

            SipText redirect = caller.invite(ACME_IN_EU, "Authorization: " + authorization);

            assertThat(redirect.status()).as(redirect.raw()).isEqualTo(302);
            assertThat(redirect.header("Contact")).isEqualTo("<" + EU_GATEWAY + ">");
            assertThat(redirect.header("Reason")).contains("region eu");
        }
        assertThat(gateway.webhook().count("/answer")).as("answer_url requests for the eu call").isZero();
    }

    @Test
    void a_home_region_call_tells_answer_url_the_regions_gateway_as_region_url() throws Exception {
        Sipp.Result result = gateway.sipp(SippScenarios.authenticatedCall(488, ""), "1234", "acme.sip.example.com")
                .option("-au", "alice", "-ap", "secret").calls(1).run(Duration.ofSeconds(20));
        assertThat(result.exitCode()).as(result.describe()).isZero();

        WebhookServer.Request request = gateway.webhook().next("/answer", Duration.ofSeconds(5));
        assertThat(request).as("the answer_url request").isNotNull();
        assertThat(request.query()).containsEntry("region_url", US_GATEWAY);
    }
}
