package org.psip.routes;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;

/**
 * Finds the plugin of a kind for this call. Looked up per call, never cached, so
 * that installing, replacing or removing a plugin changes the next call and never
 * the one in progress.
 */
public final class Plugins {

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

    /** The plugin, or null after rejecting the call with 503: a missing plugin is the node's fault, not the caller's. */
    public static <T> T require(Exchange exchange, Class<T> kind) {
        T plugin = find(exchange, kind);
        if (plugin == null) {
            Rejection.reject(exchange, 503, "no " + kind.getSimpleName() + " plugin installed",
                    Map.of("Retry-After", "30"));
        }
        return plugin;
    }
}
