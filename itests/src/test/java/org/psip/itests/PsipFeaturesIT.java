package org.psip.itests;

import java.time.Duration;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * psip's features install in a clean Karaf, and a SIPp call goes through the whole
 * call flow there: ACL, digest authentication, answer_url served by the test, the
 * NCCO it returns, and call control's final answer.
 */
public class PsipFeaturesIT extends PsipKarafTestSupport {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: karaf-itest-secret
              regions:
                us: { label: sip-us }
            applications:
              talk:
                answer_url: ${webhook}/answer
              bridge:
                answer_url: ${webhook}/bridge
            domains:
              acme:
                application: talk
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
              globex:
                application: bridge
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
            """;
    private static final String TALK_NCCO = "[{\"action\":\"talk\",\"text\":\"Hello from Karaf\"}]";

    /**
     * The applications, and psip installed once: every test runs in the same Karaf, and Pax Exam
     * runs each test method as a JUnit run of its own (so @AfterClass would stop the server after
     * the first); the server goes with the container.
     */
    private static WebhookServer application;

    @Before
    public void installPsipOnce() throws Exception {
        if (application == null) {
            application = new WebhookServer().answer("/answer", 200, TALK_NCCO);
            installPsip(DIRECTORY.replace("${webhook}", application.url("")));
        }
    }

    @Test
    public void psip_features_install_and_start_every_bundle() throws Exception {
        for (String name : new String[] {"org.psip.api", "org.psip.camel", "javax.sip.jain-sip-ri", "org.psip.sip",
                "org.psip.routes", "org.psip.plugin.acl.cidr", "org.psip.plugin.auth.digest",
                "org.psip.plugin.directory.file", "org.psip.shell"}) {
            Bundle bundle = bundle(name);
            assertNotNull(name + " is installed", bundle);
            assertEquals(name + " is active", Bundle.ACTIVE, bundle.getState());
        }
        assertTrue(executeCommand("feature:list -i").contains("psip-auth-digest"));
    }

    @Test
    public void an_authenticated_call_goes_through_the_whole_call_flow_in_karaf() throws Exception {
        Sipp.Result result = sipp(SippScenarios.authenticatedCall(488, "NCCO action 'talk' needs a media server", ""),
                "1234", "acme.sip.example.com").option("-au", "alice", "-ap", "secret").calls(1)
                .run(Duration.ofSeconds(30));

        assertEquals(result.describe(), 0, result.exitCode());
        WebhookServer.Request asked = application.next("/answer", WAIT);
        assertNotNull("answer_url was asked", asked);
        assertEquals("1234", asked.query().get("to"));
        assertEquals("sipp", asked.query().get("from"));
    }

    @Test
    public void a_call_whose_ncco_connects_to_a_sip_callee_is_bridged_there_and_hung_up_end_to_end() throws Exception {
        int calleePort = freePort();
        application.answer("/bridge", 200, connectTo(calleePort));

        bridgedCallHangingUp("globex.sip.example.com", calleePort);

        assertNotNull("answer_url was asked", application.next("/bridge", WAIT));
    }

    @Test
    public void the_shell_lists_domains_shows_their_plugins_and_tests_addresses_against_their_acl() throws Exception {
        assertTrue(executeCommand("psip:domain-list").contains("acme\tacme.sip.example.com"));

        String plugins = executeCommand("psip:domain-plugins acme");
        assertTrue(plugins, plugins.contains("access control: org.psip.plugin.acl.cidr"));
        assertTrue(plugins, plugins.contains("authentication: org.psip.plugin.auth.digest"));
        assertTrue(plugins, plugins.contains("directory: org.psip.plugin.directory.file"));

        assertTrue(executeCommand("psip:acl-check acme 127.0.0.1").startsWith("allowed"));
        assertTrue(executeCommand("psip:acl-check acme 192.0.2.7").startsWith("denied (403)"));
        assertTrue(executeCommand("psip:acl-check acme example.com").contains("is not an IPv4 or IPv6 address"));
        assertTrue(executeCommand("psip:domain-plugins nowhere").contains("No such domain: nowhere"));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        return null;
    }

    @Test
    public void a_route_file_dropped_into_etc_psip_routes_changes_the_flow_live_and_its_removal_undoes_it()
            throws Exception {
        writeEtc("psip/routes/maintenance.yaml", """
                - route:
                    id: psip-call-flow
                    from:
                      uri: "sip:{{psip.sip.host}}:{{psip.sip.port}}"
                      parameters:
                        transports: "{{psip.sip.transports}}"
                        routeTimeout: "{{psip.sip.route-timeout}}"
                      steps:
                        - setHeader: { name: CamelSipResponseCode, constant: 603 }
                        - setHeader: { name: CamelSipReasonText, constant: "closed for maintenance" }
                        - process: { ref: rejectCall }
                """);
        awaitCallAnswered(SippScenarios.call(603, ""));

        java.nio.file.Files.delete(etc("psip/routes/maintenance.yaml"));
        awaitCallAnswered(SippScenarios.authenticatedCall(488, ""));
    }

    /** Places calls until one runs the scenario through: a route file takes effect within a second or so. */
    private static void awaitCallAnswered(String scenario) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Sipp.Result result;
        do {
            result = sipp(scenario, "1234", "acme.sip.example.com").option("-au", "alice", "-ap", "secret")
                    .calls(1).run(Duration.ofSeconds(10));
        } while (result.exitCode() != 0 && System.nanoTime() < deadline);
        assertEquals(result.describe(), 0, result.exitCode());
    }
}
