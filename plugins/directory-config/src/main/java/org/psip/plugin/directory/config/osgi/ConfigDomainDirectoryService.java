package org.psip.plugin.directory.config.osgi;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedService;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;
import org.psip.plugin.directory.config.ConfigDomainDirectory;
import org.psip.plugin.directory.config.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory from ConfigAdmin: each factory configuration of
 * {@value #FACTORY_PID} (file {@code etc/org.psip.plugin.directory.config-<domain>.cfg})
 * is a domain, live as it changes; the gateway's settings are the {@code psip.*} keys
 * of {@code org.psip.gateway}. The directory is offered as a service, ranked above
 * the file directory, once those settings are valid.
 */
@Component(name = ConfigDomainDirectoryService.FACTORY_PID, immediate = true, service = {},
        // its name is the domains' factory PID: without IGNORE, DS would make one component per domain
        configurationPolicy = ConfigurationPolicy.IGNORE)
public class ConfigDomainDirectoryService {

    public static final String FACTORY_PID = "org.psip.plugin.directory.config";
    static final String GATEWAY_PID = "org.psip.gateway";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigDomainDirectoryService.class);

    private BundleContext bundleContext;
    private final Map<String, Map<String, Object>> domains = new LinkedHashMap<>();
    private ConfigDomainDirectory directory;
    private ServiceRegistration<DomainDirectory> directoryRegistration;
    private ServiceRegistration<?> gatewayRegistration;
    private ServiceRegistration<?> domainsRegistration;

    @Activate
    void activate(BundleContext context) {
        bundleContext = context;
        gatewayRegistration = context.registerService(ManagedService.class, this::gatewayUpdated,
                properties(Constants.SERVICE_PID, GATEWAY_PID));
        domainsRegistration = context.registerService(ManagedServiceFactory.class, new Domains(),
                properties(Constants.SERVICE_PID, FACTORY_PID));
    }

    @Deactivate
    synchronized void deactivate() {
        domainsRegistration.unregister();
        gatewayRegistration.unregister();
        if (directoryRegistration != null) {
            directoryRegistration.unregister();
        }
    }

    private synchronized void gatewayUpdated(Dictionary<String, ?> configuration) throws ConfigurationException {
        if (configuration == null) {
            return;
        }
        GatewaySettings settings;
        try {
            settings = GatewayProperties.parse(map(configuration));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(null, "psip's domain directory needs the gateway settings: "
                    + e.getMessage(), e);
        }
        if (directory != null) {
            directory.settings(settings);
            return;
        }
        directory = new ConfigDomainDirectory(settings);
        domains.forEach((id, properties) -> directory.put(id, DomainNames.of(id, properties), properties));
        Dictionary<String, Object> properties = properties("psip.directory", "config");
        properties.put(Constants.SERVICE_RANKING, 10);
        directoryRegistration = bundleContext.registerService(DomainDirectory.class, directory, properties);
        LOG.info("domain directory from {}-<domain>.cfg: {} domains", FACTORY_PID, domains.size());
    }

    private synchronized void domainUpdated(String id, Map<String, Object> properties) {
        domains.put(id, properties);
        if (directory != null) {
            directory.put(id, DomainNames.of(id, properties), properties);
        }
    }

    private synchronized void domainDeleted(String id) {
        domains.remove(id);
        if (directory != null) {
            directory.remove(id);
        }
    }

    private final class Domains implements ManagedServiceFactory {

        @Override
        public String getName() {
            return "psip SIP domains";
        }

        @Override
        public void updated(String pid, Dictionary<String, ?> configuration) {
            domainUpdated(pid, map(configuration));
        }

        @Override
        public void deleted(String pid) {
            domainDeleted(pid);
        }
    }

    private static Map<String, Object> map(Dictionary<String, ?> configuration) {
        Map<String, Object> map = new HashMap<>();
        for (var keys = configuration.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            map.put(key, configuration.get(key));
        }
        return map;
    }

    private static Dictionary<String, Object> properties(String key, Object value) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(key, value);
        return properties;
    }
}
