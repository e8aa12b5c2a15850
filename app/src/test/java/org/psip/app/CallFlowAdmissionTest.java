package org.psip.app;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the gateway refuses before it asks any application: who calls, from where, to what, with which password. */
class CallFlowAdmissionTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: admission-test-secret
            applications:
              talker:
                answer_url: ${webhook}/answer
            domains:
              acme:
                application: talker
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
            accounts:
              "abcd1234": { secret: s3cr3t }
            numbers:
              "14155550100": { application: talker, account: abcd1234 }
            """;

    private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY);

    @AfterEach
    void noRefusedCallReachedTheApplication() {
        assertThat(gateway.webhook().count("/answer")).as("answer_url requests").isZero();
    }

    @Test
    void invite_from_a_source_outside_the_domain_acl_gets_403() throws Exception {
        Sipp.Result result = gateway.sipp(SippScenarios.call(403, ""), "1234", "acme.sip.example.com")
                .localAddress("127.0.0.2").calls(1).run(SIPP_TIMEOUT);

        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void invite_for_an_unknown_domain_gets_404() throws Exception {
        Sipp.Result result = gateway.sipp(SippScenarios.call(404, ""), "1234", "nosuch.sip.example.com")
                .calls(1).run(SIPP_TIMEOUT);

        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void invite_for_an_unknown_number_gets_404() throws Exception {
        Sipp.Result result = gateway.sipp(SippScenarios.call(404, ""), "14155550199", "sip.example.com")
                .calls(1).run(SIPP_TIMEOUT);

        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void a_wrong_password_gets_the_challenge_then_403() throws Exception {
        Sipp.Result result = gateway.sipp(SippScenarios.authenticatedCall(403, ""), "1234", "acme.sip.example.com")
                .option("-au", "alice", "-ap", "not-the-secret").calls(1).run(SIPP_TIMEOUT);

        assertThat(result.exitCode()).as(result.describe()).isZero();
    }
}
