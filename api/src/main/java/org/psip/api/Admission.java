package org.psip.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may place calls to a SIP domain or, through SIP Connect, to an account's
 * virtual numbers: the source addresses allowed, whether and how callers
 * authenticate, and which plugins judge them.
 *
 * @param acl            allowed source networks, IPv4 or IPv6 CIDR ("10.0.0.0/8", "2001:db8::/32",
 *                       a bare address for one host); empty means nobody (default deny)
 * @param digestRequired whether callers must answer a digest challenge
 * @param realm          the digest realm
 * @param algorithms     the digest algorithms offered, in order of preference, one challenge each
 *                       ("MD5", "SHA-256", "SHA-512-256"); MD5 alone by default because real
 *                       clients break on more
 * @param users          the digest users by username
 * @param pluginTargets  the plugin each kind must be for these callers, as an OSGi filter over the
 *                       plugins' service properties, by kind ({@value #AUTHENTICATOR} →
 *                       {@code (psip.auth=webhook)}); a kind not named here takes the plugin
 *                       with the highest {@code service.ranking}
 */
public record Admission(List<String> acl, boolean digestRequired, String realm, List<String> algorithms,
                        Map<String, Credential> users, Map<String, String> pluginTargets) {

    public static final List<String> DEFAULT_ALGORITHMS = List.of("MD5");

    /** The kind of plugin that checks credentials ({@link Authenticator}). */
    public static final String AUTHENTICATOR = "authenticator";
    /** The kind of plugin that checks source addresses ({@link AccessControl}). */
    public static final String ACCESS_CONTROL = "accessControl";
    /** The kinds of plugin an admission may name a target for. */
    public static final Set<String> PLUGIN_KINDS = Set.of(AUTHENTICATOR, ACCESS_CONTROL);

    public Admission {
        acl = acl == null ? List.of() : List.copyOf(acl);
        algorithms = algorithms == null || algorithms.isEmpty() ? DEFAULT_ALGORITHMS : List.copyOf(algorithms);
        users = users == null ? Map.of() : Map.copyOf(users);
        pluginTargets = pluginTargets == null ? Map.of() : Map.copyOf(pluginTargets);
        for (String kind : pluginTargets.keySet()) {
            if (!PLUGIN_KINDS.contains(kind)) {
                throw new IllegalArgumentException("no kind of plugin is called " + kind + ": " + PLUGIN_KINDS);
            }
        }
    }

    /** An admission that leaves every choice of plugin to the ranking. */
    public Admission(List<String> acl, boolean digestRequired, String realm, List<String> algorithms,
                     Map<String, Credential> users) {
        this(acl, digestRequired, realm, algorithms, users, Map.of());
    }

    /** The filter the plugin of this kind must match ({@link #AUTHENTICATOR}…), or null when any will do. */
    public String pluginTarget(String kind) {
        return pluginTargets.get(kind);
    }
}
