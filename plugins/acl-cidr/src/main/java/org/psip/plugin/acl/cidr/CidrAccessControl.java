package org.psip.plugin.acl.cidr;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.psip.api.AccessControl;
import org.psip.api.Cidr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Allows a source when one of the ACL's IPv4 or IPv6 networks contains it; an empty ACL
 * allows nobody.
 *
 * <p>Every call is checked, so each ACL is parsed once and the parsed networks are cached,
 * keyed by the list. The key is the list's content rather than its identity: a directory that
 * hands out the same instance until it reloads hits the cache with a cheap equals
 * ({@code ==} first), and one that builds a fresh list per lookup still hits it instead of
 * parsing on every call. The cache is bounded because each reload of a changed ACL adds a key;
 * when full it is emptied, which costs a few microsecond re-parses rather than an LRU's
 * locking on every call.
 *
 * <p>Directories validate their ACLs, but this class does not rely on it: an entry that does
 * not parse is skipped (fail closed) with one WARN when its list is parsed, never an exception
 * per call.
 */
public final class CidrAccessControl implements AccessControl {

    /** Comfortably more distinct ACLs than a deployment has domains and accounts. */
    public static final int DEFAULT_CACHE_LIMIT = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(CidrAccessControl.class);

    private final Map<List<String>, List<Cidr>> parsedAcls = new ConcurrentHashMap<>();
    private final int cacheLimit;

    public CidrAccessControl() {
        this(DEFAULT_CACHE_LIMIT);
    }

    /** @param cacheLimit how many distinct ACLs to keep parsed before starting over */
    public CidrAccessControl(int cacheLimit) {
        if (cacheLimit < 1) {
            throw new IllegalArgumentException("cacheLimit must be at least 1, was " + cacheLimit);
        }
        this.cacheLimit = cacheLimit;
    }

    /**
     * @return allowed by the first network that contains {@code source}, else denied; the reason names
     *         the source and, when allowed, the network, but nothing about whose ACL it is, since it
     *         may reach the caller in a Reason header
     */
    @Override
    public Decision check(InetAddress source, List<String> acl) {
        Objects.requireNonNull(source, "source");
        if (acl == null || acl.isEmpty()) {
            return Decision.deny("source " + source.getHostAddress() + " denied: the ACL is empty");
        }
        for (Cidr network : networks(acl)) {
            if (network.contains(source)) {
                return Decision.allow("source " + source.getHostAddress() + " allowed by " + network);
            }
        }
        return Decision.deny("source " + source.getHostAddress() + " not in the ACL");
    }

    /** How many distinct ACLs are parsed and cached now. */
    int cachedAcls() {
        return parsedAcls.size();
    }

    private List<Cidr> networks(List<String> acl) {
        List<Cidr> cached = parsedAcls.get(acl);
        if (cached != null) {
            return cached;
        }
        if (parsedAcls.size() >= cacheLimit) {
            parsedAcls.clear();
        }
        // a private copy as the key: a caller's mutable list must not change a key under the map
        List<String> key = Collections.unmodifiableList(new ArrayList<>(acl));
        return parsedAcls.computeIfAbsent(key, CidrAccessControl::parse);
    }

    private static List<Cidr> parse(List<String> acl) {
        List<Cidr> networks = new ArrayList<>(acl.size());
        for (String entry : acl) {
            if (entry == null) {
                LOG.warn("Skipping a null ACL entry");
                continue;
            }
            try {
                networks.add(Cidr.parse(entry));
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipping ACL entry '{}': {}", entry, e.getMessage());
            }
        }
        return List.copyOf(networks);
    }
}
