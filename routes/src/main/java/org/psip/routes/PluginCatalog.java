package org.psip.routes;

import org.osgi.framework.Filter;

/**
 * Every plugin with its service properties, so that a domain can name the one it wants
 * ({@link org.psip.api.Admission#pluginTargets()}, e.g. {@code (psip.auth=webhook)}):
 * in Karaf the OSGi service registry, standalone the plugins the configuration lists
 * ({@link ListedPlugins}). Bound in the Camel registry as {@value #BEAN_NAME}.
 */
public interface PluginCatalog {

    String BEAN_NAME = "psipPluginCatalog";

    /**
     * The preferred plugin of this kind whose properties match the target (in Karaf the
     * highest {@code service.ranking}); null when none does.
     */
    <T> T find(Class<T> kind, Filter target);
}
