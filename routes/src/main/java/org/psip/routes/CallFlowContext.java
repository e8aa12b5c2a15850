package org.psip.routes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.BeanRepository;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.DefaultRegistry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.psip.routes.directory.RoutesDirectory;
import org.psip.routes.events.EventUrlPublisher;
import org.psip.sip.SipComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call flow in a Camel context of its own, for containers that do not run
 * camel-main (Karaf): the plugins come from {@code plugins}, looked up per call, and
 * the settings are the same {@code psip.*} keys as the standalone gateway's
 * application.properties, {@code psip.home-region} and the call events'
 * {@code psip.events.*} included.
 */
public final class CallFlowContext {

    /** Where the call-flow route file is; empty means the one in this module. */
    public static final String ROUTES = "psip.routes";
    /** The live directory of the user's route files; empty means none. */
    public static final String ROUTES_DIR = "psip.routes.dir";
    /** The call flow this module ships. */
    public static final String BUNDLED_ROUTES = "psip/call-flow.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(CallFlowContext.class);

    private CallFlowContext() {
    }

    /** A started context running the call flow; the caller stops it. */
    public static CamelContext start(BeanRepository plugins, Map<String, String> settings) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext(new DefaultRegistry(nodeView(plugins, settings)));
        context.getCamelContextExtension().setName("psip");
        Properties properties = new Properties();
        properties.putAll(settings);
        context.getPropertiesComponent().setInitialProperties(properties);
        context.getRegistry().bind("sip", new SipComponent());
        if (plugins instanceof PluginCatalog catalog) {
            context.getRegistry().bind(PluginCatalog.BEAN_NAME, catalog);
        }
        CallFlowSteps.bindTo(context.getRegistry(), CallFlowSteps.headerPrefixes(
                settings.getOrDefault("psip.sip-headers.reserved-prefixes", "X-Nexmo,X-Psip")));
        try {
            EventUrlPublisher.addTo(context, settings::get);
            PluginHelper.getRoutesLoader(context).loadRoutes(routes(context, settings.getOrDefault(ROUTES, "")));
            context.start();
            watchRoutesDirectory(context, settings);
        } catch (Exception | LinkageError e) {
            context.stop();
            throw e;
        }
        return context;
    }

    /**
     * The plugins as this node sees them: with {@code psip.home-region} set, the directory
     * in effect is looked up with this node's home region over the directory's own.
     */
    private static BeanRepository nodeView(BeanRepository plugins, Map<String, String> settings) {
        String homeRegion = settings.getOrDefault(HomeRegionDirectory.SETTING, "").trim();
        if (homeRegion.isEmpty()) {
            return plugins;
        }
        LOG.info("home region: {} ({}, over the directory's)", homeRegion, HomeRegionDirectory.SETTING);
        return new HomeRegionPlugins(plugins, homeRegion);
    }

    /**
     * The user's route files, loaded after the shipped call flow runs (they may replace it)
     * and watched from then on; the directory is created when missing, so that an operator
     * can drop the first file in without a restart.
     */
    private static void watchRoutesDirectory(CamelContext context, Map<String, String> settings) throws Exception {
        String directory = settings.getOrDefault(ROUTES_DIR, "").trim();
        if (directory.isEmpty()) {
            return;
        }
        Path path = Files.createDirectories(Path.of(directory));
        Duration drainTimeout = Duration.ofMillis(Long.parseLong(
                settings.getOrDefault("psip.sip.route-timeout", "10000").trim()));
        RoutesDirectory routes = new RoutesDirectory(context, path, drainTimeout);
        context.getRegistry().bind("routesDirectory", routes);
        context.addService(routes, true, true);
        LOG.info("route files: {} (live)", path);
    }

    private static Resource routes(CamelContext context, String location) throws IOException {
        if (!location.isBlank()) {
            LOG.info("call flow: {}", location);
            return ResourceHelper.resolveMandatoryResource(context, location);
        }
        try (InputStream in = CallFlowContext.class.getClassLoader().getResourceAsStream(BUNDLED_ROUTES)) {
            if (in == null) {
                throw new IOException(BUNDLED_ROUTES + " is missing from the module of " + CallFlowContext.class);
            }
            LOG.info("call flow: the bundled {}; set {} to use your own", BUNDLED_ROUTES, ROUTES);
            return ResourceHelper.fromString(BUNDLED_ROUTES, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
