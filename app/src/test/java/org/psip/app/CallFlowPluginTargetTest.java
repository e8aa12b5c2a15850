package org.psip.app;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.SipCaller;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;
import org.psip.sip.test.SipText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A domain names the authentication plugin it wants ({@code plugins.authenticator}, an OSGi
 * filter over the plugins' properties), over the one {@code psip.auth} gives every other domain.
 */
class CallFlowPluginTargetTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: target-test-secret
              regions:
                us: { label: sip-us }
            applications:
              down:
                answer_url: ${webhook}/answer
            domains:
              plain:
                application: down
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: the-directory-knows }
              hooked:
                application: down
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: the-directory-knows }
                plugins:
                  authenticator: "(psip.auth=webhook)"
              nowhere:
                application: down
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: the-directory-knows }
                plugins:
                  authenticator: "(psip.auth=ldap)"
            """;

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY, Map.of("psip.auth", "digest",
            "psip.auth.webhook.url", "${webhook}/sip-auth"));

    @BeforeEach
    void applicationIsDownAndServiceSaysYes() {
        gateway.webhook().clear();
        gateway.webhook().answer("/answer", 503, "");
        gateway.webhook().answer("/sip-auth", 200, "{\"status\":\"ok\"}");
    }

    @Test
    void a_domain_that_names_webhook_auth_gets_the_customers_service_although_digest_is_the_default()
            throws Exception {
        Sipp.Result result = call("hooked", "whatever-the-service-accepts", 480);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(gateway.webhook().next("/sip-auth", Duration.ofSeconds(5)).body())
                .contains("\"realm\":\"hooked.sip.example.com\"");
    }

    @Test
    void a_domain_that_names_no_plugin_gets_the_default_and_the_service_is_not_asked() throws Exception {
        Sipp.Result refused = call("plain", "whatever-the-service-accepts", 403);
        Sipp.Result admitted = call("plain", "the-directory-knows", 480);

        assertThat(refused.exitCode()).as(refused.describe()).isZero();
        assertThat(admitted.exitCode()).as(admitted.describe()).isZero();
        assertThat(gateway.webhook().count("/sip-auth")).isZero();
    }

    @Test
    void a_domain_naming_a_plugin_nobody_installed_gets_503_saying_which() throws Exception {
        SipText answer;
        try (SipCaller caller = gateway.caller()) {
            answer = caller.invite("sip:1234@nowhere.sip.example.com");
        }

        assertThat(answer.status()).as(answer.raw()).isEqualTo(503);
        assertThat(answer.header("Reason")).contains("no Authenticator plugin matches (psip.auth=ldap)");
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(gateway.webhook().count("/sip-auth")).isZero();
    }

    private static Sipp.Result call(String domain, String password, int finalCode) throws Exception {
        return gateway.sipp(SippScenarios.authenticatedCall(finalCode, ""), "1234", domain + ".sip.example.com")
                .option("-au", "alice", "-ap", password).calls(1).run(Duration.ofSeconds(20));
    }
}
