package org.psip.app;

import java.nio.file.Path;
import java.time.Clock;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;
import org.psip.plugin.acl.cidr.CidrAccessControl;
import org.psip.plugin.auth.digest.DigestAuthenticator;
import org.psip.plugin.auth.digest.ThrottleSettings;
import org.psip.plugin.directory.file.FileDomainDirectory;
import org.psip.routes.CallFlowSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the standalone gateway: the domain directory (the file named by
 * {@code psip.directory}, or the embedded default; {@code psip.home-region} sets this
 * node's home region over the file's), the plugins, and the call-flow steps the route
 * files name.
 */
public class GatewayConfiguration implements CamelConfiguration {

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
        String homeRegion = property(context, "psip.home-region", "");
        DomainDirectory nodeDirectory = homeRegion.isBlank() ? directory : new HomeRegionDirectory(directory, homeRegion);
        GatewaySettings settings = nodeDirectory.settings();
        LOG.info("home region: {}", settings.homeRegion());
        Registry registry = context.getRegistry();
        registry.bind("directory", nodeDirectory);
        registry.bind("aclCidr", new CidrAccessControl());
        // the nonce secret is read once: nodes must restart together when it changes
        registry.bind("authDigest", new DigestAuthenticator(settings.nonceSecret(), settings.nonceLifetime(),
                Clock.systemUTC(), ThrottleSettings.DEFAULT));
        CallFlowSteps.bindTo(registry, CallFlowSteps.headerPrefixes(
                property(context, "psip.sip-headers.reserved-prefixes", "X-Nexmo")));
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
