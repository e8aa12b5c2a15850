package org.psip.itests;

import java.time.Duration;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * Plugins are swapped under live calls: while SIPp places authenticated calls at a
 * steady rate, {@code feature:install psip-auth-webhook} sends the next calls' digest
 * responses to the customer's authentication service, and
 * {@code feature:uninstall psip-auth-webhook} hands them back to psip-auth-digest; a
 * {@code bundle:update} of the plugin in between takes it away and back under the calls.
 * Every call of the run gets the answer the flow gives (480: the application's
 * answer_url is down), none a 5xx, a 403 or silence. A domain that names its plugin
 * ({@code plugins.authenticator}) keeps it whatever the ranking says.
 */
public class AuthWebhookHotSwapIT extends PsipKarafTestSupport {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: karaf-hot-swap-secret
              regions:
                us: { label: sip-us }
            applications:
              down:
                answer_url: ${customer}/answer
            domains:
              acme:
                application: down
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
              globex:
                application: down
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
                plugins:
                  authenticator: "(psip.auth=digest)"
            """;
    private static final int CALLS = 150;
    private static final int CALLS_PER_SECOND = 10;

    /** The customer: its authentication service says yes to everyone; its answer_url is down (503). */
    private WebhookServer customer;

    @Before
    public void installPsipWithDigest() throws Exception {
        customer = new WebhookServer().answer("/sip-auth", 200, "{\"status\":\"ok\"}").answer("/answer", 503, "");
        installPsip(DIRECTORY.replace("${customer}", customer.url("")));
        // generous: this test is about the swap, and the first request through a fresh HTTP client on a
        // busy two-core machine has been seen to take over two seconds
        writeEtc("org.psip.plugin.auth.webhook.cfg", "url = " + customer.url("/sip-auth") + "\ntimeout.ms = 10000\n");
    }

    @After
    public void stopCustomer() {
        customer.close();
    }

    @Test
    public void installing_and_removing_the_webhook_plugin_under_load_switches_new_calls_and_fails_none()
            throws Exception {
        Sipp sipp = sipp(SippScenarios.authenticatedCall(480, null, ""), "1234", "acme.sip.example.com")
                .option("-au", "alice", "-ap", "secret").rate(CALLS_PER_SECOND).calls(CALLS);
        Process calls = sipp.start();

        assertNotNull("calls reach answer_url through digest", customer.next("/answer", WAIT));
        assertEquals("digest authenticates by itself", 0, customer.count("/sip-auth"));

        executeCommand("feature:install psip-auth-webhook");
        assertNotNull("new calls are authenticated by the customer's service", customer.next("/sip-auth", WAIT));

        // a new version of the plugin: the bundle is stopped, replaced and started under the calls
        String updated = executeCommand("bundle:update org.psip.plugin.auth.webhook");
        customer.clear();
        assertNotNull("the updated plugin takes calls again: " + updated, customer.next("/sip-auth", WAIT));

        executeCommand("feature:uninstall psip-auth-webhook");
        customer.clear();
        for (int call = 0; call < 10; call++) {
            assertNotNull("calls go on after the webhook plugin left", customer.next("/answer", WAIT));
        }
        assertTrue("digest has taken over again: " + customer.count("/sip-auth") + " asked the service",
                customer.count("/sip-auth") <= 1);

        Sipp.Result result = sipp.await(calls, Duration.ofSeconds(CALLS / CALLS_PER_SECOND + 30));
        assertEquals(result.describe(), 0, result.exitCode());
        assertEquals(result.describe(), CALLS, result.successfulCalls());
        assertEquals(result.describe(), 0, result.failedCalls());
    }

    @Test
    public void a_domain_that_names_digest_keeps_it_while_the_webhook_plugin_takes_the_others() throws Exception {
        // the plugin must start with this test's service, not the one a test before wrote into its file
        await().atMost(WAIT).until(() -> executeCommand("config:property-get --pid org.psip.plugin.auth.webhook url")
                .contains(customer.url("/sip-auth")));
        executeCommand("feature:install psip-auth-webhook");
        try {
            awaitService("(psip.auth=webhook)");
            assertCall("acme", "anything-the-service-accepts", 480);
            assertNotNull("acme follows the ranking: the customer's service decides", customer.next("/sip-auth", WAIT));
            customer.clear();

            assertCall("globex", "anything-the-service-accepts", 403);
            assertCall("globex", "secret", 480);
            assertEquals("globex names digest: the service is never asked", 0, customer.count("/sip-auth"));
            String shown = executeCommand("psip:domain-plugins globex");
            assertTrue(shown, shown.contains("authentication [target (psip.auth=digest)]: org.psip.plugin.auth.digest"));
        } finally {
            executeCommand("feature:uninstall psip-auth-webhook");
        }
    }

    private static void assertCall(String domain, String password, int expected) throws Exception {
        Sipp.Result result = sipp(SippScenarios.authenticatedCall(expected, null, ""), "1234",
                domain + ".sip.example.com").option("-au", "alice", "-ap", password).calls(1)
                .run(Duration.ofSeconds(20));
        assertEquals(result.describe(), 0, result.exitCode());
    }
}
