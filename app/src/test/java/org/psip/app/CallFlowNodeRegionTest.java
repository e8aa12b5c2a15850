package org.psip.app;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.sip.test.SippScenarios;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every node reads the same directory, whose file says us; this node is told by its
 * own setting (psip.home-region) that it serves eu: eu's calls stay, us's are sent on.
 */
class CallFlowNodeRegionTest {

    private static final String US_GATEWAY = "sip:127.0.0.1:15060";
    private static final String EU_GATEWAY = "sip:127.0.0.1:15070";

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: node-region-test-secret
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

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY,
            Map.of("psip.home-region", "eu", "psip.region-forwarding", "redirectToRegion"));

    @BeforeAll
    static void applicationAnswersTalk() {
        gateway.webhook().answer("/answer", 200, "[{\"action\":\"talk\",\"text\":\"Hello\"}]");
    }

    @BeforeEach
    void forgetEarlierRequests() {
        gateway.webhook().clear();
    }

    @Test
    void a_call_for_the_nodes_own_region_stays_on_the_node() throws Exception {
        assertThat(call("acme.sip-eu.example.com", 488).exitCode()).isZero();

        WebhookServer.Request request = gateway.webhook().next("/answer", Duration.ofSeconds(5));
        assertThat(request).as("the answer_url request").isNotNull();
        assertThat(request.query()).containsEntry("region", "eu").containsEntry("region_url", EU_GATEWAY);
    }

    @Test
    void the_bare_sip_host_means_the_nodes_own_region() throws Exception {
        assertThat(call("acme.sip.example.com", 488).exitCode()).isZero();

        WebhookServer.Request request = gateway.webhook().next("/answer", Duration.ofSeconds(5));
        assertThat(request).as("the answer_url request").isNotNull();
        assertThat(request.query()).containsEntry("region", "eu");
    }

    @Test
    void a_call_for_the_files_home_region_goes_to_that_regions_gateway() throws Exception {
        assertThat(call("acme.sip-us.example.com", 302).exitCode()).isZero();
        assertThat(gateway.webhook().count("/answer")).as("answer_url requests for the us call").isZero();
    }

    private static Sipp.Result call(String domain, int finalCode) throws Exception {
        Sipp.Result result = gateway.sipp(SippScenarios.authenticatedCall(finalCode, ""), "1234", domain)
                .option("-au", "alice", "-ap", "secret").calls(1).run(Duration.ofSeconds(20));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }
}
