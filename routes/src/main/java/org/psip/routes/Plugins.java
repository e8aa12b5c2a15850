package org.psip.routes;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.psip.api.Admission;

/**
 * Finds the plugin of a kind for this call. Looked up per call, never cached, so
 * that installing, replacing or removing a plugin changes the next call and never
 * the one in progress.
 */
public final class Plugins {

    /** Compiled targets: a directory names a handful, and parsing one per call is waste. */
    private static final Map<String, Filter> TARGETS = new ConcurrentHashMap<>();
    private static final int MAX_TARGETS = 1024;

    private Plugins() {
    }

    /**
     * The plugin of this kind in the Camel registry: the registry's own choice when it
     * makes one (in Karaf the highest {@code service.ranking}), else, with several, the
     * one whose bean name sorts first, so the choice is stable. Null when there is none.
     */
    public static <T> T find(Exchange exchange, Class<T> kind) {
        Registry registry = exchange.getContext().getRegistry();
        T chosen = registry.findSingleByType(kind);
        if (chosen != null) {
            return chosen;
        }
        Map<String, T> found = registry.findByTypeWithName(kind);
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() == 1) {
            return found.values().iterator().next();
        }
        return new TreeMap<>(found).firstEntry().getValue();
    }

    /**
     * The plugin of this kind that matches the target, an OSGi filter over the plugins'
     * service properties ({@code (psip.auth=webhook)}), from the {@link PluginCatalog};
     * without a target, {@link #find(Exchange, Class)}. Null when none matches.
     *
     * @throws IllegalArgumentException when the target is not a valid filter
     */
    public static <T> T find(Exchange exchange, Class<T> kind, String target) {
        if (target == null) {
            return find(exchange, kind);
        }
        PluginCatalog catalog = exchange.getContext().getRegistry()
                .lookupByNameAndType(PluginCatalog.BEAN_NAME, PluginCatalog.class);
        return catalog == null ? null : catalog.find(kind, filter(target));
    }

    /** The plugin, or null after rejecting the call with 503: a missing plugin is the node's fault, not the caller's. */
    public static <T> T require(Exchange exchange, Class<T> kind) {
        T plugin = find(exchange, kind);
        if (plugin == null) {
            Rejection.reject(exchange, 503, "no " + kind.getSimpleName() + " plugin installed",
                    Map.of("Retry-After", "30"));
        }
        return plugin;
    }

    /**
     * The plugin of this kind the callee's admission asks for ({@link Admission#pluginTarget}),
     * or null after rejecting the call: 503 when no installed plugin matches, 500 when the
     * target is not a valid filter (the directory should have refused it).
     *
     * @param targetKind the kind's name in the admission ({@link Admission#AUTHENTICATOR}…)
     */
    public static <T> T require(Exchange exchange, Class<T> kind, Admission admission, String targetKind) {
        String target = admission.pluginTarget(targetKind);
        if (target == null) {
            return require(exchange, kind);
        }
        T plugin;
        try {
            plugin = find(exchange, kind, target);
        } catch (IllegalArgumentException e) {
            Rejection.reject(exchange, 500, targetKind + ".target " + target + " is not a valid filter");
            return null;
        }
        if (plugin == null) {
            Rejection.reject(exchange, 503, "no " + kind.getSimpleName() + " plugin matches " + target,
                    Map.of("Retry-After", "30"));
        }
        return plugin;
    }

    /** The target compiled, from the cache when it was seen before. */
    static Filter filter(String target) {
        Filter filter = TARGETS.get(target);
        if (filter != null) {
            return filter;
        }
        try {
            filter = FrameworkUtil.createFilter(target);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (TARGETS.size() >= MAX_TARGETS) {
            TARGETS.clear();
        }
        TARGETS.put(target, filter);
        return filter;
    }
}
