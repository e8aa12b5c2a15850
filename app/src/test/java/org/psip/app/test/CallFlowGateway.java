package org.psip.app.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.test.AvailablePortFinder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.psip.app.PsipGateway;
import org.psip.routes.events.CallEvents;
import org.psip.routes.events.EventUrlPublisher;
import org.psip.sip.SipComponent;
import org.psip.sip.SipService;
import org.psip.sip.test.RawSip;
import org.psip.sip.test.Sipp;

/**
 * The whole gateway in-process for one test class, as a user runs it: the shipped
 * call-flow route and plugins, a directory file of the test's own, and a real HTTP
 * server standing in for the applications. Register it with
 * {@code @RegisterExtension static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY)}.
 *
 * <p>Call events are spooled to a directory of the test class's own, removed afterwards.
 *
 * <p>The directory text may use {@code ${webhook}} for the HTTP server's base URL
 * ({@code http://127.0.0.1:<port>}) and {@code ${closed}} for a URL where nothing listens.
 */
public final class CallFlowGateway implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final String HOST = "127.0.0.1";
    /** The id of the shipped call flow's route. */
    public static final String CALL_FLOW = "psip-call-flow";

    private final String directoryTemplate;
    private final Map<String, String> properties;
    private final int port;
    private final String closedBaseUrl = "http://127.0.0.1:" + AvailablePortFinder.getNextAvailable();
    private WebhookServer webhook;
    private Path directoryFile;
    private Path routesDirectory;
    private Path eventSpool;
    private PsipGateway gateway;

    public CallFlowGateway(String directoryTemplate) {
        this(directoryTemplate, Map.of());
    }

    /**
     * @param properties gateway settings over the defaults, e.g. psip.home-region or psip.sip.port;
     *                   ${webhook} stands for the webhook server as in the directory
     */
    public CallFlowGateway(String directoryTemplate, Map<String, String> properties) {
        this.directoryTemplate = directoryTemplate;
        this.properties = properties;
        this.port = properties.containsKey("psip.sip.port") ? Integer.parseInt(properties.get("psip.sip.port"))
                : AvailablePortFinder.getNextAvailable();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        webhook = new WebhookServer();
        directoryFile = Files.createTempFile("psip-directory", ".yaml");
        Files.writeString(directoryFile, directoryTemplate
                .replace("${webhook}", webhook.url(""))
                .replace("${closed}", closedBaseUrl));
        routesDirectory = Files.createTempDirectory("psip-routes");
        Map<String, String> settings = new HashMap<>();
        properties.forEach((key, value) -> settings.put(key, value.replace("${webhook}", webhook.url(""))));
        settings.put("psip.sip.port", Integer.toString(port));
        settings.put("psip.directory", directoryFile.toString());
        settings.put("psip.routes.dir", routesDirectory.toString());
        eventSpool = Files.createTempDirectory("psip-events");
        settings.put("psip.events.spool-directory", eventSpool.toString());
        gateway = new PsipGateway(settings).start();
    }

    /** Each test starts with no held answer_url request and the shipped call flow. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        webhook.releaseAll();
        try (Stream<Path> files = Files.list(routesDirectory)) {
            if (files.findAny().isEmpty()) {
                return;
            }
        }
        removeRouteFiles();
        awaitShippedCallFlow();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (gateway != null) {
                gateway.stop();
            }
        } finally {
            if (webhook != null) {
                webhook.close();
            }
            if (directoryFile != null) {
                Files.deleteIfExists(directoryFile);
            }
            if (routesDirectory != null) {
                removeRouteFiles();
                Files.deleteIfExists(routesDirectory);
            }
            deleteSpool();
        }
    }

    /** The call events left in the spool by the stop, and the spool itself. */
    private void deleteSpool() throws IOException {
        if (eventSpool != null) {
            deleteFilesIn(eventSpool);
            Files.delete(eventSpool);
        }
    }

    private static void deleteFilesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    /** The gateway's SIP stack, for its counters. */
    public SipService sipService() {
        return gateway.main().getCamelContext().getComponent("sip", SipComponent.class).service(HOST, port);
    }

    public int port() {
        return port;
    }

    /** The gateway's live routes directory (psip.routes.dir), empty at first. */
    public Path routesDirectory() {
        return routesDirectory;
    }

    public PsipGateway gateway() {
        return gateway;
    }

    /**
     * Copies one of the route examples the docs ship (docs/examples, on the test class
     * path as docs-examples/) into the routes directory, as a user drops a file in.
     */
    public Path dropExample(String name) throws IOException {
        try (InputStream example = CallFlowGateway.class.getResourceAsStream("/docs-examples/" + name)) {
            if (example == null) {
                throw new IOException("no example docs/examples/" + name);
            }
            return Files.write(routesDirectory.resolve(name), example.readAllBytes());
        }
    }

    /** {@link #dropExample}, then waits until the gateway runs it. */
    public void loadExample(String name) throws IOException {
        dropExample(name);
        awaitLoaded(name);
    }

    /** Empties the routes directory: the shipped call flow runs again once the gateway notices. */
    public void removeRouteFiles() throws IOException {
        deleteFilesIn(routesDirectory);
    }

    /** Waits until the route file with this name runs. */
    public void awaitLoaded(String name) {
        Path file = routesDirectory.resolve(name).toAbsolutePath().normalize();
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> gateway.routesDirectory().loadedRoutes().containsKey(file));
    }

    /** Waits until no route file runs and the shipped call flow is started. */
    public void awaitShippedCallFlow() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> gateway.routesDirectory().loadedRoutes()
                .isEmpty() && gateway.main().getCamelContext().getRouteController()
                .getRouteStatus(CALL_FLOW).isStarted());
    }

    /** The gateway's call events publisher, for its counters. */
    public EventUrlPublisher callEvents() {
        return gateway.main().getCamelContext().getRegistry().lookupByNameAndType(CallEvents.BEAN_NAME,
                EventUrlPublisher.class);
    }

    /** The applications' HTTP server. */
    public WebhookServer webhook() {
        return webhook;
    }

    /** A URL on a port where nothing listens: ${closed} + path. */
    public String closedUrl(String path) {
        return closedBaseUrl + path;
    }

    /** SIPp running this scenario against the gateway, calling sip:[service]@[domain]. */
    public Sipp sipp(String scenario, String service, String domain) throws IOException {
        return Sipp.scenarioText(scenario, HOST, port).key("domain", domain).option("-s", service);
    }

    /** A hand-made caller sending from 127.0.0.1. */
    public SipCaller caller() throws IOException {
        return new SipCaller(RawSip.udp(HOST, port));
    }

    /** A hand-made caller sending from another loopback address, a second source for the ACL and the throttle. */
    public SipCaller callerFrom(String localAddress) throws IOException {
        return new SipCaller(RawSip.udp(HOST, port, localAddress));
    }
}
