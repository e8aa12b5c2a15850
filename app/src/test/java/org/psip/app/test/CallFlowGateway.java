package org.psip.app.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.psip.app.PsipGateway;
import org.psip.sip.test.RawSip;
import org.psip.sip.test.Sipp;

/**
 * The whole gateway in-process for one test class, as a user runs it: the shipped
 * call-flow route and plugins, a directory file of the test's own, and a real HTTP
 * server standing in for the applications. Register it with
 * {@code @RegisterExtension static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY)}.
 *
 * <p>The directory text may use {@code ${webhook}} for the HTTP server's base URL
 * ({@code http://127.0.0.1:<port>}) and {@code ${closed}} for a URL where nothing listens.
 */
public final class CallFlowGateway implements BeforeAllCallback, AfterAllCallback {

    public static final String HOST = "127.0.0.1";

    private final String directoryTemplate;
    private final Map<String, String> properties;
    private final int port = AvailablePortFinder.getNextAvailable();
    private final String closedBaseUrl = "http://127.0.0.1:" + AvailablePortFinder.getNextAvailable();
    private WebhookServer webhook;
    private Path directoryFile;
    private PsipGateway gateway;

    public CallFlowGateway(String directoryTemplate) {
        this(directoryTemplate, Map.of());
    }

    /** @param properties gateway settings over the defaults, e.g. psip.home-region; ${webhook} as in the directory */
    public CallFlowGateway(String directoryTemplate, Map<String, String> properties) {
        this.directoryTemplate = directoryTemplate;
        this.properties = properties;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        webhook = new WebhookServer();
        directoryFile = Files.createTempFile("psip-directory", ".yaml");
        Files.writeString(directoryFile, directoryTemplate
                .replace("${webhook}", webhook.url(""))
                .replace("${closed}", closedBaseUrl));
        Map<String, String> settings = new HashMap<>();
        properties.forEach((key, value) -> settings.put(key, value.replace("${webhook}", webhook.url(""))));
        settings.put("psip.sip.port", Integer.toString(port));
        settings.put("psip.directory", directoryFile.toString());
        gateway = new PsipGateway(settings).start();
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
        }
    }

    public int port() {
        return port;
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
