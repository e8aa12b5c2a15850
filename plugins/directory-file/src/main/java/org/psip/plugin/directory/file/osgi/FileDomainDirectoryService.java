package org.psip.plugin.directory.file.osgi;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.psip.api.DomainDirectory;
import org.psip.plugin.directory.file.FileDomainDirectory;

/**
 * Offers a {@link FileDomainDirectory} as the OSGi service {@code (psip.directory=file)}:
 * the YAML file named by {@code file} in {@code etc/org.psip.plugin.directory.file.cfg},
 * reloaded when it changes. A new file name replaces the directory.
 */
@Component(name = FileDomainDirectoryService.PID, configurationPid = FileDomainDirectoryService.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
public class FileDomainDirectoryService {

    public static final String PID = "org.psip.plugin.directory.file";

    private FileDomainDirectory directory;
    private ServiceRegistration<DomainDirectory> registration;

    @Activate
    void activate(BundleContext context, Map<String, Object> configuration) {
        Object file = configuration.get("file");
        if (file == null || file.toString().isBlank()) {
            throw new IllegalArgumentException(PID + ".cfg must name the directory's YAML file as file = …");
        }
        directory = new FileDomainDirectory(Path.of(file.toString().trim()));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("psip.directory", "file");
        registration = context.registerService(DomainDirectory.class, directory, properties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        directory.close();
    }
}
