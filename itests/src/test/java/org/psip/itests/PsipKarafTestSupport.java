package org.psip.itests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

/**
 * A clean Karaf with psip's features repository at hand, the way Karaf's own
 * KarafTestSupport does it: tests type the commands a user would
 * ({@code feature:install psip}) and call the gateway with SIPp.
 *
 * <p>The container resolves psip's artifacts from this build's own repository
 * (target/itest-repository) and everything else from Karaf's system folder and the
 * local Maven repository, never from the network.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class PsipKarafTestSupport {

    protected static final String HOST = "127.0.0.1";
    protected static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SIP_PORT = "psip.itest.sip.port";
    private static final String PAX_URL = "etc/org.ops4j.pax.url.mvn.cfg";
    protected static final String GATEWAY = "etc/org.psip.gateway.cfg";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() throws IOException {
        String repository = System.getProperty("psip.itest.repository");
        String localRepository = System.getProperty("psip.itest.local-repository");
        String sipPort = Integer.toString(freePort());
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(System.getProperty("psip.itest.karaf")).toURI().toString())
                        .name("Apache Karaf")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                keepRuntimeFolder(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut(PAX_URL, "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut(PAX_URL, "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:" + repository + "@id=psip@snapshots,"
                        + "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                        + "file:" + localRepository + "@id=local@snapshots"),
                editConfigurationFilePut(PAX_URL, "org.ops4j.pax.url.mvn.localRepository",
                        new File("target/exam-repository").getAbsolutePath()),
                editConfigurationFilePut(PAX_URL, "org.ops4j.pax.url.mvn.offline", "true"),
                // the gateway's settings, here before psip is installed: the feature keeps an existing file
                editConfigurationFilePut(GATEWAY, "psip.routes", ""),
                editConfigurationFilePut(GATEWAY, "psip.sip.host", HOST),
                editConfigurationFilePut(GATEWAY, "psip.sip.port", sipPort),
                editConfigurationFilePut(GATEWAY, "psip.sip.transports", "udp"),
                editConfigurationFilePut(GATEWAY, "psip.sip.route-timeout", "10000"),
                editConfigurationFilePut(GATEWAY, "psip.base-host", "example.com"),
                editConfigurationFilePut(GATEWAY, "psip.home-region", "us"),
                editConfigurationFilePut(GATEWAY, "psip.region.us.label", "sip-us"),
                editConfigurationFilePut(GATEWAY, "psip.nonce.secret", "karaf-itest-secret"),
                mavenBundle("org.hamcrest", "hamcrest", System.getProperty("psip.itest.hamcrest")),
                mavenBundle("org.awaitility", "awaitility", System.getProperty("psip.itest.awaitility")),
                systemProperty(SIP_PORT).value(sipPort),
                systemProperty("psip.itest.version").value(System.getProperty("psip.itest.version")),
                systemProperty("psip.sipp.dir").value(new File(System.getProperty("psip.sipp.dir")).getAbsolutePath()));
    }

    /** Runs a shell command as the admin user would type it, and returns what it printed. */
    protected String executeCommand(String command) throws Exception {
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("karaf"));
        // the roles of Karaf's admingroup: bundle:update, for one, asks for manager
        for (String role : new String[] {"admin", "manager", "viewer"}) {
            admin.getPrincipals().add(new RolePrincipal(role));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(System.in, out, out);
            try {
                Object result = Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
                if (result != null) {
                    out.println(result);
                }
            } catch (PrivilegedActionException e) {
                throw e.getException();
            } finally {
                session.close();
            }
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** feature:repo-add for this build's psip features. */
    protected void addPsipFeatures() throws Exception {
        executeCommand("feature:repo-add mvn:org.psip/psip-features/" + System.getProperty("psip.itest.version")
                + "/xml/features");
    }

    /**
     * What an operator does first: the domain directory in etc/psip-directory.yaml (the
     * feature keeps a file that is there), then {@code feature:install psip}; returns once
     * psip listens and its plugins are up (a call before would get 503, no plugin).
     */
    protected void installPsip(String directory) throws Exception {
        writeEtc("psip-directory.yaml", directory);
        addPsipFeatures();
        executeCommand("feature:install psip");
        awaitCallFlow();
        for (String plugin : new String[] {"DomainDirectory", "AccessControl", "Authenticator"}) {
            awaitService("(objectClass=org.psip.api." + plugin + ")");
        }
    }

    /** Waits for psip's call flow to listen: its component registers once the SIP stack is up. */
    protected void awaitCallFlow() throws InterruptedException {
        awaitService("(component.name=org.psip.gateway)");
    }

    protected Object awaitService(String filter) throws InterruptedException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(bundleContext, FrameworkUtil.createFilter(filter), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
        tracker.open(true);
        try {
            Object service = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT.toSeconds()));
            if (service == null) {
                throw new AssertionError("no service " + filter + " within " + WAIT);
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    protected static int sipPort() {
        return Integer.getInteger(SIP_PORT);
    }

    /** SIPp running this scenario against psip, calling sip:[service]@[domain]. */
    protected static Sipp sipp(String scenario, String service, String domain) throws IOException {
        return Sipp.scenarioText(scenario, HOST, sipPort()).key("domain", domain).option("-s", service);
    }

    /** The NCCO that connects a call to a SIP callee on this machine. */
    protected static String connectTo(int calleePort) {
        return "[{\"action\":\"connect\",\"endpoint\":[{\"type\":\"sip\","
                + "\"uri\":\"sip:callee@127.0.0.1:" + calleePort + "\"}]}]";
    }

    /**
     * alice's authenticated call to sip:1234@domain, whose application connects it to a SIPp
     * callee on calleePort (started here); the caller hangs up, and both ends must see the call through.
     */
    protected static void bridgedCallHangingUp(String domain, int calleePort) throws Exception {
        Sipp callee = Sipp.scenarioText(SippScenarios.calleeRingingThenAnswering(), HOST, sipPort())
                .localPort(calleePort).calls(1);
        Process calleeProcess = callee.start();
        Sipp.awaitBound(HOST, calleePort);

        Sipp.Result caller = sipp(SippScenarios.authenticatedCallHangingUp(), "1234", domain)
                .option("-au", "alice", "-ap", "secret").calls(1).run(Duration.ofSeconds(30));

        assertEquals(caller.describe(), 0, caller.exitCode());
        Sipp.Result answered = callee.await(calleeProcess, Duration.ofSeconds(30));
        assertEquals(answered.describe(), 0, answered.exitCode());
    }

    /** Karaf's etc/ folder, where the features put their configuration. */
    protected static Path etc(String file) {
        return Path.of(System.getProperty("karaf.etc")).resolve(file);
    }

    /** Writes a file under etc/ the way an operator would: a new file moved into place in one step. */
    protected static void writeEtc(String file, String content) throws IOException {
        Path target = etc(file);
        Path temporary = Files.createTempFile(target.getParent(), ".psip-", ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A UDP port nothing listens on now, for a SIP peer. */
    protected static int freePort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
