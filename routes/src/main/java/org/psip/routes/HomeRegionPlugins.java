package org.psip.routes;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.spi.BeanRepository;
import org.psip.api.DomainDirectory;

/**
 * The plugins with the directory seen from this node: a {@link DomainDirectory} looked up
 * by its type comes back as a {@link HomeRegionDirectory} over the one the container
 * chose, so every step that asks for the directory gets this node's home region. The
 * container still chooses per call (a directory installed or replaced takes the next
 * call); the view of the directory in effect is kept, so a call allocates nothing.
 */
public final class HomeRegionPlugins implements BeanRepository {

    private final BeanRepository plugins;
    private final String homeRegion;
    /** The view of the directory last looked up: almost always the one the next call gets. */
    private volatile HomeRegionDirectory lastView;

    public HomeRegionPlugins(BeanRepository plugins, String homeRegion) {
        this.plugins = plugins;
        this.homeRegion = homeRegion;
    }

    @Override
    public Object lookupByName(String name) {
        return plugins.lookupByName(name);
    }

    @Override
    public <T> T lookupByNameAndType(String name, Class<T> type) {
        return viewed(type, plugins.lookupByNameAndType(name, type));
    }

    @Override
    public <T> Map<String, T> findByTypeWithName(Class<T> type) {
        Map<String, T> found = plugins.findByTypeWithName(type);
        if (type != DomainDirectory.class || found.isEmpty()) {
            return found;
        }
        Map<String, T> viewed = new LinkedHashMap<>();
        found.forEach((name, directory) -> viewed.put(name, viewed(type, directory)));
        return viewed;
    }

    @Override
    public <T> Set<T> findByType(Class<T> type) {
        Set<T> found = plugins.findByType(type);
        if (type != DomainDirectory.class || found.isEmpty()) {
            return found;
        }
        Set<T> viewed = new LinkedHashSet<>();
        found.forEach(directory -> viewed.add(viewed(type, directory)));
        return viewed;
    }

    @Override
    public <T> T findSingleByType(Class<T> type) {
        return viewed(type, plugins.findSingleByType(type));
    }

    /** Only a lookup for the directory's own interface is answered with the view: a concrete class cannot be. */
    private <T> T viewed(Class<T> type, T found) {
        if (type != DomainDirectory.class || found == null) {
            return found;
        }
        return type.cast(view((DomainDirectory) found));
    }

    private HomeRegionDirectory view(DomainDirectory directory) {
        HomeRegionDirectory view = lastView;
        if (view == null || view.shared() != directory) {
            view = new HomeRegionDirectory(directory, homeRegion);
            lastView = view;
        }
        return view;
    }
}
