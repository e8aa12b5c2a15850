package org.psip.plugin.directory.file.osgi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.psip.api.Admission;
import org.psip.api.Application;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;
import org.psip.api.SipDomain;
import org.psip.api.VirtualNumber;
import org.psip.plugin.directory.file.FileDomainDirectory;

/**
 * {@link FileDomainDirectory} as an OSGi service, chosen by {@code (psip.directory=file)}:
 * the YAML file named by {@code file} in {@code etc/org.psip.plugin.directory.file.cfg},
 * reloaded when it changes.
 */
@Component(name = FileDomainDirectoryService.PID, configurationPid = FileDomainDirectoryService.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = DomainDirectory.class,
        property = "psip.directory=file")
public class FileDomainDirectoryService implements DomainDirectory {

    public static final String PID = "org.psip.plugin.directory.file";

    private FileDomainDirectory directory;

    @Activate
    void activate(Map<String, Object> configuration) {
        Object file = configuration.get("file");
        if (file == null || file.toString().isBlank()) {
            throw new IllegalArgumentException(PID + ".cfg must name the directory's YAML file as file = …");
        }
        directory = new FileDomainDirectory(Path.of(file.toString().trim()));
    }

    @Deactivate
    void deactivate() {
        directory.close();
    }

    @Override
    public GatewaySettings settings() {
        return directory.settings();
    }

    @Override
    public Optional<SipDomain> domain(String name) {
        return directory.domain(name);
    }

    @Override
    public List<String> domainNames() {
        return directory.domainNames();
    }

    @Override
    public Optional<SipDomain> defaultDomain() {
        return directory.defaultDomain();
    }

    @Override
    public Optional<VirtualNumber> number(String number) {
        return directory.number(number);
    }

    @Override
    public Optional<Admission> account(String name) {
        return directory.account(name);
    }

    @Override
    public Optional<Application> application(String id) {
        return directory.application(id);
    }
}
