package org.psip.routes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Filter;

/**
 * The standalone gateway's plugin catalog: the plugins its configuration made, each
 * with the service properties it has in Karaf ({@code psip.auth=webhook}), in order of
 * preference, so a domain's target picks the same plugin in both.
 */
public final class ListedPlugins implements PluginCatalog {

    private record Listed(Object plugin, Map<String, ?> properties) {
    }

    private final List<Listed> plugins = new CopyOnWriteArrayList<>();

    /** Lists a plugin after the ones already listed: a target matching both gets the earlier one. */
    public ListedPlugins add(Object plugin, Map<String, ?> properties) {
        plugins.add(new Listed(plugin, Map.copyOf(properties)));
        return this;
    }

    @Override
    public <T> T find(Class<T> kind, Filter target) {
        for (Listed listed : plugins) {
            if (kind.isInstance(listed.plugin()) && (target == null || target.matches(listed.properties()))) {
                return kind.cast(listed.plugin());
            }
        }
        return null;
    }
}
