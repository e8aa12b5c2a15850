package org.psip.routes.osgi;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.psip.routes.CallFlowContext;
import org.psip.routes.events.EventDeliverySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs psip's call flow in Karaf: the settings are the ConfigAdmin PID
 * {@code org.psip.gateway} ({@code etc/org.psip.gateway.cfg}, the {@code psip.*} keys
 * of the standalone gateway), the plugins are OSGi services looked up per call.
 * A changed configuration restarts the flow; a plugin coming or going does not.
 */
@Component(name = CallFlowService.PID, configurationPid = CallFlowService.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = CallFlowService.class)
public class CallFlowService {

    public static final String PID = "org.psip.gateway";

    private static final Logger LOG = LoggerFactory.getLogger(CallFlowService.class);

    private PluginServices plugins;
    private CamelContext context;

    @Activate
    void activate(BundleContext bundleContext, Map<String, Object> configuration) throws Exception {
        plugins = new PluginServices(bundleContext);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // the SIP stack's and Camel's threads inherit this thread's context class loader
        thread.setContextClassLoader(CamelContext.class.getClassLoader());
        try {
            context = CallFlowContext.start(plugins, settings(configuration));
        } catch (Exception e) {
            plugins.close();
            LOG.error("psip's call flow did not start: {}", e.toString());
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
        LOG.info("psip's call flow is running ({} routes)", context.getRoutesSize());
    }

    @Deactivate
    void deactivate() {
        context.stop();
        plugins.close();
    }

    /** The running context, for the shell commands. */
    public CamelContext context() {
        return context;
    }

    /**
     * The string values of the configuration; ConfigAdmin's own keys (service.pid…) do no harm.
     * A configuration from before the routes directory existed gets Karaf's etc/psip/routes, and
     * undelivered call events wait in Karaf's data/psip/events unless the configuration names a place.
     */
    static Map<String, String> settings(Map<String, Object> configuration) {
        Map<String, String> settings = new TreeMap<>();
        configuration.forEach((key, value) -> {
            if (value instanceof String text) {
                settings.put(key, text.trim());
            }
        });
        settings.putIfAbsent(CallFlowContext.ROUTES_DIR,
                Path.of(System.getProperty("karaf.etc", "etc"), "psip", "routes").toString());
        if (settings.getOrDefault(EventDeliverySettings.SPOOL_DIRECTORY, "").isEmpty()) {
            settings.put(EventDeliverySettings.SPOOL_DIRECTORY,
                    Path.of(System.getProperty("karaf.data", "data"), "psip", "events").toString());
        }
        return settings;
    }
}
