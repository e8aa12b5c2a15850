package org.psip.app;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With psip.auth=webhook the standalone gateway challenges callers as digest does and
 * lets the customer's own service decide whether the answer is right.
 */
class CallFlowWebhookAuthTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: webhook-test-secret
              regions:
                us: { label: sip-us }
            applications:
              down:
                answer_url: ${webhook}/answer
            domains:
              acme:
                application: down
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: only-the-directory-knows }
            """;

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY, Map.of("psip.auth", "webhook",
            "psip.auth.webhook.url", "${webhook}/sip-auth"));

    @BeforeEach
    void applicationIsDown() {
        gateway.webhook().clear();
        gateway.webhook().answer("/answer", 503, "");
    }

    @Test
    void the_customers_service_says_yes_and_the_call_goes_on_to_answer_url() throws Exception {
        gateway.webhook().answer("/sip-auth", 200, "{\"status\":\"ok\"}");

        Sipp.Result result = call(480, null);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        WebhookServer.Request asked = gateway.webhook().next("/sip-auth", Duration.ofSeconds(5));
        assertThat(asked.method()).isEqualTo("POST");
        assertThat(asked.body()).contains("\"username\":\"alice\"", "\"realm\":\"acme.sip.example.com\"",
                "\"method\":\"INVITE\"");
        assertThat(gateway.webhook().next("/answer", Duration.ofSeconds(5))).isNotNull();
    }

    @Test
    void the_customers_service_says_no_and_the_caller_gets_403_with_its_reason() throws Exception {
        gateway.webhook().answer("/sip-auth", 200, "{\"status\":\"fail\",\"msg\":\"account suspended\"}");

        Sipp.Result result = call(403, "account suspended");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(gateway.webhook().count("/answer")).isZero();
    }

    /** SIPp with a password the directory does not have: only the service's word counts. */
    private static Sipp.Result call(int finalCode, String reason) throws Exception {
        return gateway.sipp(SippScenarios.authenticatedCall(finalCode, reason, ""), "1234", "acme.sip.example.com")
                .option("-au", "alice", "-ap", "whatever-the-service-accepts").calls(1).run(Duration.ofSeconds(20));
    }
}
