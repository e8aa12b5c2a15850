package org.psip.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.psip.api.DomainDirectory;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;

import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

/**
 * With psip-directory-config, a SIP domain is a file: writing
 * {@code etc/org.psip.plugin.directory.config-globex.cfg} makes globex callable
 * without a restart, and deleting it makes globex 404 again.
 */
public class DirectoryConfigIT extends PsipKarafTestSupport {

    private static final String GLOBEX_FILE = "org.psip.plugin.directory.config-globex.cfg";

    /** The test reads the directory through the SPI: psip-api is there from boot, for the probe to import. */
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return OptionUtils.combine(super.config(), features(maven("org.psip", "psip-features")
                .version(System.getProperty("psip.itest.version")).classifier("features").type("xml"), "psip-api"));
    }

    /** globex's application: its answer_url is down, so an admitted call gets 480. */
    private WebhookServer globex;

    @Before
    public void installPsipWithTheConfigAdminDirectory() throws Exception {
        globex = new WebhookServer().answer("/answer", 503, "");
        addPsipFeatures();
        executeCommand("feature:install psip-core psip-acl-cidr psip-auth-digest psip-directory-config");
        awaitCallFlow();
        awaitService("(objectClass=org.psip.api.Authenticator)");
        awaitService("(psip.directory=config)");
    }

    @After
    public void stopApplication() {
        globex.close();
    }

    @Test
    public void a_domain_file_makes_the_domain_callable_and_deleting_it_makes_it_404() throws Exception {
        DomainDirectory directory = (DomainDirectory) awaitService("(psip.directory=config)");
        assertCall(404, "no such domain globex");

        writeEtc(GLOBEX_FILE, "answer_url = " + globex.url("/answer") + "\nacl = 127.0.0.1/32\ndigest = false\n");
        await().atMost(WAIT).until(() -> directory.domain("globex").isPresent());
        assertCall(480, null);
        assertNotNull("globex's answer_url was asked", globex.next("/answer", WAIT));

        Files.delete(etc(GLOBEX_FILE));
        await().atMost(WAIT).until(() -> directory.domain("globex").isEmpty());
        assertCall(404, "no such domain globex");
    }

    private static void assertCall(int expected, String reason) throws Exception {
        Sipp.Result result = sipp(reason == null ? SippScenarios.call(expected, "") : callWithReason(expected, reason),
                "1234", "globex.sip.example.com").calls(1).run(Duration.ofSeconds(20));
        assertEquals(result.describe(), 0, result.exitCode());
    }

    /** The call gets this code and a Reason saying why. */
    private static String callWithReason(int code, String reason) {
        return SippScenarios.call(code, "").replace("<recv response=\"" + code + "\"/>",
                "<recv response=\"" + code + "\">\n    <action>\n      <ereg regexp=\"" + reason
                + "\" search_in=\"hdr\" header=\"Reason:\" check_it=\"true\" assign_to=\"reason\"/>\n"
                + "    </action>\n  </recv>\n  <Reference variables=\"reason\"/>");
    }
}
