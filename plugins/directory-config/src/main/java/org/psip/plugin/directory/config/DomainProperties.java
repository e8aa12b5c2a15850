package org.psip.plugin.directory.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.psip.api.Admission;
import org.psip.api.Application;
import org.psip.api.Cidr;
import org.psip.api.Credential;
import org.psip.api.HttpMethod;
import org.psip.api.SipDomain;

/**
 * One SIP domain from flat properties, as an operator writes them in a {@code .cfg}
 * file: {@code answer_url}, {@code answer_method}, {@code fallback_answer_url},
 * {@code event_url}, {@code event_method}, {@code acl} (comma-separated CIDRs),
 * {@code digest}, {@code realm}, {@code algorithms}, {@code user.<name> = <password>}, and the
 * plugins the domain wants, {@code authenticator.target} and {@code accessControl.target}
 * (OSGi filters over the plugins' service properties, {@code (psip.auth=webhook)}).
 * The domain's application has the domain's name.
 */
public final class DomainProperties {

    private static final String USER_PREFIX = "user.";
    private static final String TARGET_SUFFIX = ".target";

    /** A domain and the application its calls go to. */
    public record Entry(SipDomain domain, Application application) {
    }

    private DomainProperties() {
    }

    /**
     * @param name     the domain's name (the first label of {@code <name>.sip.<baseHost>})
     * @param baseHost the base host, for the default realm
     * @throws IllegalArgumentException naming the property that is wrong
     */
    public static Entry parse(String name, Map<String, ?> properties, String baseHost) {
        String domainName = name.toLowerCase(Locale.ROOT);
        Application application = new Application(domainName, text(properties, "answer_url"),
                method(properties, "answer_method"), text(properties, "fallback_answer_url"),
                text(properties, "event_url"), method(properties, "event_method"), null, null, null);
        Map<String, Credential> users = users(properties);
        boolean digest = flag(properties, "digest", true);
        if (digest && users.isEmpty()) {
            throw new IllegalArgumentException("digest is on, so callers need at least one user.<name> = <password>");
        }
        String realm = text(properties, "realm");
        Admission admission = new Admission(acl(properties), digest,
                realm == null ? domainName + ".sip." + baseHost : realm, list(properties, "algorithms"), users,
                pluginTargets(properties));
        return new Entry(new SipDomain(domainName, application.id(), admission), application);
    }

    private static List<String> acl(Map<String, ?> properties) {
        List<String> acl = list(properties, "acl");
        for (String entry : acl) {
            try {
                Cidr.parse(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("acl: " + e.getMessage(), e);
            }
        }
        return acl;
    }

    private static Map<String, String> pluginTargets(Map<String, ?> properties) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String kind : Admission.PLUGIN_KINDS) {
            String key = kind + TARGET_SUFFIX;
            String target = text(properties, key);
            if (target != null) {
                try {
                    FrameworkUtil.createFilter(target);
                } catch (InvalidSyntaxException e) {
                    throw new IllegalArgumentException(key + ": '" + target + "' is not a valid filter: "
                            + e.getMessage(), e);
                }
                targets.put(kind, target);
            }
        }
        return targets;
    }

    private static Map<String, Credential> users(Map<String, ?> properties) {
        Map<String, Credential> users = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(USER_PREFIX) && key.length() > USER_PREFIX.length()) {
                String username = key.substring(USER_PREFIX.length());
                users.put(username, Credential.ofPassword(username, String.valueOf(value).trim()));
            }
        });
        return users;
    }

    private static HttpMethod method(Map<String, ?> properties, String key) {
        String value = text(properties, key);
        if (value == null) {
            return null;
        }
        try {
            return HttpMethod.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is neither GET nor POST", e);
        }
    }

    private static boolean flag(Map<String, ?> properties, String key, boolean absentValue) {
        String value = text(properties, key);
        if (value == null) {
            return absentValue;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + ": '" + value + "' is neither true nor false");
        }
        return Boolean.parseBoolean(value);
    }

    private static List<String> list(Map<String, ?> properties, String key) {
        String value = text(properties, key);
        if (value == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** The trimmed value; null when absent or blank. */
    static String text(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value.toString().trim();
    }
}
