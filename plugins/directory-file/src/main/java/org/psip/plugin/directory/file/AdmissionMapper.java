package org.psip.plugin.directory.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.psip.api.Admission;
import org.psip.api.Cidr;
import org.psip.api.Credential;
import org.psip.api.SipDomain;

/** Maps who may call: the domains, the default domain and the SIP Connect accounts. */
final class AdmissionMapper {

    private static final Set<String> DOMAIN_KEYS = Set.of("application", "acl", "digest", "realm", "algorithms",
            "users", "plugins");
    private static final Set<String> ACCOUNT_KEYS = Set.of("secret", "acl", "algorithms", "plugins");
    /**
     * An account's callers must always pass digest with the account's secret, so its ACL may
     * default to every address, as SIP Connect PBXs come from wherever their owners run them.
     */
    static final List<String> ANY_ADDRESS = List.of("0.0.0.0/0", "::/0");

    private final String baseHost;
    private final Set<String> applicationIds;

    AdmissionMapper(String baseHost, Set<String> applicationIds) {
        this.baseHost = baseHost;
        this.applicationIds = applicationIds;
    }

    /** @param name the domain's name, already checked and in lower case */
    SipDomain domain(String name, ConfigEntry entry) {
        return domain(name, entry, name + ".sip." + baseHost);
    }

    /** The domain for hosts outside the base host; its realm is the SIP Connect host's. */
    SipDomain defaultDomain(ConfigEntry entry) {
        return domain("default", entry, accountRealm());
    }

    Admission account(String key, ConfigEntry entry) {
        entry.withKnownKeys(ACCOUNT_KEYS);
        List<String> acl = acl(entry.get("acl"), ANY_ADDRESS);
        List<String> algorithms = algorithms(entry.get("algorithms"));
        String secret = entry.get("secret").text();
        return new Admission(acl, true, accountRealm(), algorithms, Map.of(key, Credential.ofPassword(key, secret)),
                pluginTargets(entry.get("plugins")));
    }

    private SipDomain domain(String name, ConfigEntry entry, String defaultRealm) {
        if (!entry.isPresent()) {
            throw entry.invalid("needs at least an application");
        }
        entry.withKnownKeys(DOMAIN_KEYS);
        String application = applicationReference(entry);
        List<String> acl = acl(entry.get("acl"), List.of());
        boolean digest = entry.get("digest").flag(true);
        String realm = entry.get("realm").optionalText().orElse(defaultRealm);
        List<String> algorithms = algorithms(entry.get("algorithms"));
        ConfigEntry usersEntry = entry.get("users");
        Map<String, Credential> users = CredentialMapper.users(usersEntry, algorithms);
        if (digest && users.isEmpty()) {
            throw usersEntry.invalid("missing: digest is on, so callers need at least one user");
        }
        return new SipDomain(name, application, new Admission(acl, digest, realm, algorithms, users,
                pluginTargets(entry.get("plugins"))));
    }

    private String applicationReference(ConfigEntry entry) {
        String id = entry.get("application").text();
        if (!applicationIds.contains(id)) {
            throw entry.invalid("application '" + id + "' is not defined");
        }
        return id;
    }

    /** Every entry must parse now, so that a typo fails the file instead of quietly denying callers. */
    private static List<String> acl(ConfigEntry entry, List<String> absentValue) {
        if (!entry.isPresent()) {
            return absentValue;
        }
        List<String> acl = new ArrayList<>();
        for (ConfigEntry item : entry.items()) {
            String text = item.text();
            try {
                Cidr.parse(text);
            } catch (IllegalArgumentException e) {
                throw item.invalid(e.getMessage());
            }
            acl.add(text.strip());
        }
        return acl;
    }

    /**
     * The plugin each kind must be ({@code authenticator: (psip.auth=webhook)}): an OSGi filter
     * over the plugins' service properties, checked now so that a typo fails the file.
     */
    private static Map<String, String> pluginTargets(ConfigEntry entry) {
        if (!entry.isPresent()) {
            return Map.of();
        }
        Map<String, String> targets = new LinkedHashMap<>();
        entry.withKnownKeys(Admission.PLUGIN_KINDS).entries().forEach((kind, item) -> {
            String target = item.text().strip();
            try {
                FrameworkUtil.createFilter(target);
            } catch (InvalidSyntaxException e) {
                throw item.invalid("'" + target + "' is not a valid filter: " + e.getMessage());
            }
            targets.put(kind, target);
        });
        return targets;
    }

    private static List<String> algorithms(ConfigEntry entry) {
        if (!entry.isPresent()) {
            return Admission.DEFAULT_ALGORITHMS;
        }
        List<String> algorithms = new ArrayList<>();
        for (ConfigEntry item : entry.items()) {
            String text = item.text();
            String label = DigestAlgorithm.byLabel(text).map(DigestAlgorithm::label).orElseThrow(() ->
                    item.invalid("'" + text + "' is not one of " + DigestAlgorithm.SUPPORTED));
            if (algorithms.contains(label)) {
                throw item.invalid("'" + text + "' is listed twice");
            }
            algorithms.add(label);
        }
        if (algorithms.isEmpty()) {
            throw entry.invalid("must list at least one algorithm");
        }
        return algorithms;
    }

    private String accountRealm() {
        return "sip." + baseHost;
    }
}
