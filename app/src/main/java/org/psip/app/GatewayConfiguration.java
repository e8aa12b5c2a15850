package org.psip.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.psip.api.Authenticator;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;
import org.psip.plugin.acl.cidr.CidrAccessControl;
import org.psip.plugin.auth.digest.DigestAuthenticator;
import org.psip.plugin.auth.digest.ThrottleSettings;
import org.psip.plugin.auth.webhook.WebhookSettings;
import org.psip.plugin.auth.webhook.WebhookVerifier;
import org.psip.plugin.directory.file.FileDomainDirectory;
import org.psip.routes.CallFlowSteps;
import org.psip.routes.HomeRegionDirectory;
import org.psip.routes.ListedPlugins;
import org.psip.routes.PluginCatalog;
import org.psip.routes.directory.RoutesDirectory;
import org.psip.routes.events.EventUrlPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Assembles the standalone gateway: the domain directory (the file named by
 * {@code psip.directory}, or the embedded default; {@code psip.home-region} sets this
 * node's home region over the file's), the plugins, the call-flow steps the route
 * files name, the live directory of the user's route files ({@code psip.routes.dir}), and the
 * call events publisher ({@code psip.events.*}).
 */
public class GatewayConfiguration implements CamelConfiguration {

    /** The registry name of the {@link RoutesDirectory}. */
    public static final String ROUTES_DIRECTORY = "psipRoutesDirectory";

    /** The embedded default directory, used when {@code psip.directory} is empty. */
    public static final String DEFAULT_DIRECTORY = "psip/directory.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        FileDomainDirectory directory = directory(property(context, "psip.directory", ""));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                directory.close();
            }
        }, true, true);
        String homeRegion = property(context, HomeRegionDirectory.SETTING, "");
        DomainDirectory nodeDirectory = homeRegion.isBlank() ? directory : new HomeRegionDirectory(directory, homeRegion);
        GatewaySettings settings = nodeDirectory.settings();
        LOG.info("home region: {}", settings.homeRegion());
        Registry registry = context.getRegistry();
        registry.bind("directory", nodeDirectory);
        plugins(context, settings);
        CallFlowSteps.bindTo(registry, CallFlowSteps.headerPrefixes(
                property(context, "psip.sip-headers.reserved-prefixes", "X-Nexmo,X-Psip")));
        EventUrlPublisher.addTo(context, name -> context.getPropertiesComponent().resolveProperty(name).orElse(null));
        watchRoutesDirectory(context);
    }

    /**
     * The user's route files ({@code psip.routes.dir}) load once the shipped call flow
     * runs, since they may replace it; a route being replaced gets the route timeout to
     * finish its calls in flight (every one of them has its answer by then).
     */
    private static void watchRoutesDirectory(CamelContext context) throws Exception {
        Path directory = Path.of(property(context, "psip.routes.dir", "routes"));
        Duration drainTimeout = Duration.ofMillis(Long.parseLong(property(context, "psip.sip.route-timeout", "10000")));
        RoutesDirectory routes = new RoutesDirectory(context, directory, drainTimeout);
        context.getRegistry().bind(ROUTES_DIRECTORY, routes);
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // the shipped routes are not started yet: wait for onCamelContextFullyStarted
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) throws Exception {
                started.addService(routes, true, true);
            }
        });
    }

    /**
     * The ACL and authentication plugins: {@code psip.auth} names the one every domain gets
     * (digest against the directory's users, or webhook: the response checked by the
     * customer's service), and both are listed, with the properties they have in Karaf, for a
     * domain whose {@code plugins.authenticator} names the other. Webhook authentication
     * exists only when {@code psip.auth.webhook.url} is set.
     */
    private static void plugins(CamelContext context, GatewaySettings settings) {
        Registry registry = context.getRegistry();
        ListedPlugins catalog = new ListedPlugins();
        CidrAccessControl acl = new CidrAccessControl();
        registry.bind("aclCidr", acl);
        catalog.add(acl, Map.of("psip.acl", "cidr"));
        // the nonce secret is read once: nodes must restart together when it changes
        Map<String, Authenticator> authenticators = new LinkedHashMap<>();
        authenticators.put("digest", new DigestAuthenticator(settings.nonceSecret(), settings.nonceLifetime(),
                Clock.systemUTC(), ThrottleSettings.DEFAULT));
        String webhookUrl = property(context, "psip.auth.webhook.url", "");
        if (!webhookUrl.isBlank()) {
            WebhookVerifier verifier = new WebhookVerifier(WebhookSettings.from(Map.of("url", webhookUrl,
                    "timeout.ms", property(context, "psip.auth.webhook.timeout-ms", ""))));
            authenticators.put("webhook", new DigestAuthenticator(settings.nonceSecret(), settings.nonceLifetime(),
                    Clock.systemUTC(), ThrottleSettings.DEFAULT, DigestAuthenticator.DEFAULT_REPLAY_CACHE_CAPACITY,
                    verifier));
        }
        String kind = property(context, "psip.auth", "digest");
        Authenticator chosen = authenticators.get(kind);
        if (chosen == null) {
            throw new IllegalArgumentException(kind.equals("webhook") ? "psip.auth is webhook: set psip.auth.webhook.url"
                    : "psip.auth is '" + kind + "': digest or webhook");
        }
        LOG.info("authentication: {} (also listed for domains that name one: {})", kind, authenticators.keySet());
        registry.bind("auth-" + kind, chosen);
        authenticators.forEach((name, authenticator) -> catalog.add(authenticator, Map.of("psip.auth", name)));
        registry.bind(PluginCatalog.BEAN_NAME, catalog);
    }

    private static FileDomainDirectory directory(String file) {
        if (file.isBlank()) {
            LOG.info("domain directory: the embedded default ({}); set psip.directory to use your own", DEFAULT_DIRECTORY);
            return FileDomainDirectory.fromResource(DEFAULT_DIRECTORY);
        }
        LOG.info("domain directory: {} (reloaded when it changes)", file);
        return new FileDomainDirectory(Path.of(file));
    }

    private static String property(CamelContext context, String name, String defaultValue) {
        return context.getPropertiesComponent().resolveProperty(name).orElse(defaultValue);
    }
}
