package org.psip.routes.osgi;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.BeanRepository;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.psip.routes.PluginCatalog;

/**
 * The Camel registry's view of psip's plugins in the OSGi service registry: the
 * services of the {@code org.psip.api} interfaces, tracked so that a per-call lookup
 * reads memory. {@link #findSingleByType} is the service with the highest
 * {@code service.ranking}, so installing a higher-ranked plugin switches the next call
 * to it, and removing it switches back; {@link #find} is the one with the highest ranking
 * among those a domain's target matches.
 */
final class PluginServices implements BeanRepository, PluginCatalog, AutoCloseable {

    private static final String PLUGIN_PACKAGE = "org.psip.api.";

    private final BundleContext bundleContext;
    private final Map<Class<?>, ServiceTracker<Object, Object>> trackers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    PluginServices(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Override
    public Object lookupByName(String name) {
        return null;
    }

    @Override
    public <T> T lookupByNameAndType(String name, Class<T> type) {
        return null;
    }

    @Override
    public <T> Map<String, T> findByTypeWithName(Class<T> type) {
        ServiceTracker<Object, Object> tracker = tracker(type);
        if (tracker == null) {
            return Map.of();
        }
        ServiceReference<Object>[] references = tracker.getServiceReferences();
        if (references == null) {
            return Map.of();
        }
        // highest ranking first, the order ServiceReference.compareTo defines
        Arrays.sort(references, Comparator.reverseOrder());
        Map<String, T> found = new LinkedHashMap<>();
        for (ServiceReference<Object> reference : references) {
            Object service = tracker.getService(reference);
            if (service != null) {
                found.put(name(reference), type.cast(service));
            }
        }
        return found;
    }

    @Override
    public <T> Set<T> findByType(Class<T> type) {
        return new LinkedHashSet<>(findByTypeWithName(type).values());
    }

    @Override
    public <T> T findSingleByType(Class<T> type) {
        ServiceTracker<Object, Object> tracker = tracker(type);
        Object best = tracker == null ? null : tracker.getService();
        return best == null ? null : type.cast(best);
    }

    @Override
    public <T> T find(Class<T> kind, Filter target) {
        if (target == null) {
            return findSingleByType(kind);
        }
        ServiceTracker<Object, Object> tracker = tracker(kind);
        ServiceReference<Object>[] references = tracker == null ? null : tracker.getServiceReferences();
        if (references == null) {
            return null;
        }
        ServiceReference<Object> best = null;
        for (ServiceReference<Object> reference : references) {
            if (target.match(reference) && (best == null || reference.compareTo(best) > 0)) {
                best = reference;
            }
        }
        Object service = best == null ? null : tracker.getService(best);
        return service == null ? null : kind.cast(service);
    }

    @Override
    public void close() {
        closed = true;
        trackers.values().forEach(ServiceTracker::close);
        trackers.clear();
    }

    /** Only plugin interfaces are tracked: Camel asks the registry about many of its own types too. */
    private ServiceTracker<Object, Object> tracker(Class<?> type) {
        if (closed || !type.isInterface() || !type.getName().startsWith(PLUGIN_PACKAGE)) {
            return null;
        }
        return trackers.computeIfAbsent(type, this::open);
    }

    private ServiceTracker<Object, Object> open(Class<?> type) {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(bundleContext, type.getName(), null);
        tracker.open();
        return tracker;
    }

    private static String name(ServiceReference<?> reference) {
        Object component = reference.getProperty("component.name");
        return (component != null ? component : "service") + "#" + reference.getProperty(Constants.SERVICE_ID);
    }
}
