package org.psip.plugin.directory.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.psip.api.Admission;
import org.psip.api.Application;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;
import org.psip.api.SipDomain;
import org.psip.api.VirtualNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domains configured one by one (in Karaf, one ConfigAdmin factory configuration each),
 * changed and removed while calls come in. A configuration that does not validate is
 * logged and kept out; its domain gets 404 until it is fixed. Numbers, accounts and a
 * default domain are not configured this way.
 */
public final class ConfigDomainDirectory implements DomainDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigDomainDirectory.class);

    private volatile GatewaySettings settings;
    /** By configuration id, so that a renamed domain leaves no trace of its old name. */
    private final Map<String, DomainProperties.Entry> byConfiguration = new ConcurrentHashMap<>();
    private final Map<String, DomainProperties.Entry> byName = new ConcurrentHashMap<>();

    public ConfigDomainDirectory(GatewaySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public void settings(GatewaySettings newSettings) {
        settings = Objects.requireNonNull(newSettings, "settings");
    }

    /** Adds or replaces the domain of this configuration; false (and logged) when it is not valid. */
    public boolean put(String configurationId, String name, Map<String, ?> properties) {
        DomainProperties.Entry entry;
        try {
            entry = DomainProperties.parse(name, properties, settings.baseHost());
        } catch (IllegalArgumentException e) {
            LOG.error("domain {} ({}) is not valid and gets 404 until it is fixed: {}", name, configurationId,
                    e.getMessage());
            remove(configurationId);
            return false;
        }
        DomainProperties.Entry previous = byConfiguration.put(configurationId, entry);
        if (previous != null && !previous.domain().name().equals(entry.domain().name())) {
            byName.remove(previous.domain().name(), previous);
        }
        byName.put(entry.domain().name(), entry);
        LOG.info("domain {} {}", entry.domain().name(), previous == null ? "added" : "updated");
        return true;
    }

    public void remove(String configurationId) {
        DomainProperties.Entry removed = byConfiguration.remove(configurationId);
        if (removed != null && byName.remove(removed.domain().name(), removed)) {
            LOG.info("domain {} removed", removed.domain().name());
        }
    }

    @Override
    public GatewaySettings settings() {
        return settings;
    }

    @Override
    public Optional<SipDomain> domain(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(java.util.Locale.ROOT)))
                .map(DomainProperties.Entry::domain);
    }

    @Override
    public List<String> domainNames() {
        return byName.keySet().stream().sorted().toList();
    }

    @Override
    public Optional<SipDomain> defaultDomain() {
        return Optional.empty();
    }

    @Override
    public Optional<VirtualNumber> number(String number) {
        return Optional.empty();
    }

    @Override
    public Optional<Admission> account(String name) {
        return Optional.empty();
    }

    @Override
    public Optional<Application> application(String id) {
        return Optional.ofNullable(byName.get(id)).map(DomainProperties.Entry::application);
    }
}
