package org.psip.api;

import java.util.List;
import java.util.Map;

/**
 * Who may place calls to a SIP domain or, through SIP Connect, to an account's
 * virtual numbers: the source addresses allowed, and whether and how callers
 * authenticate.
 *
 * @param acl            allowed source networks, IPv4 or IPv6 CIDR ("10.0.0.0/8", "2001:db8::/32",
 *                       a bare address for one host); empty means nobody (default deny)
 * @param digestRequired whether callers must answer a digest challenge
 * @param realm          the digest realm
 * @param algorithms     the digest algorithms offered, in order of preference, one challenge each
 *                       ("MD5", "SHA-256", "SHA-512-256"); MD5 alone by default because real
 *                       clients break on more
 * @param users          the digest users by username
 */
public record Admission(List<String> acl, boolean digestRequired, String realm, List<String> algorithms,
                        Map<String, Credential> users) {

    public static final List<String> DEFAULT_ALGORITHMS = List.of("MD5");

    public Admission {
        acl = acl == null ? List.of() : List.copyOf(acl);
        algorithms = algorithms == null || algorithms.isEmpty() ? DEFAULT_ALGORITHMS : List.copyOf(algorithms);
        users = users == null ? Map.of() : Map.copyOf(users);
    }
}
