package org.psip.shell;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The plugins of one kind in the service registry, the one in effect first: the order psip's call flow picks by. */
final class Plugins {

    private Plugins() {
    }

    static List<ServiceReference<?>> ranked(BundleContext context, Class<?> kind) {
        try {
            return ranked(context, kind, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plugins of one kind that match a domain's target (all when null), the one in effect first. */
    static List<ServiceReference<?>> ranked(BundleContext context, Class<?> kind, String target)
            throws InvalidSyntaxException {
        ServiceReference<?>[] references = context.getServiceReferences(kind.getName(), target);
        if (references == null) {
            return List.of();
        }
        return Arrays.stream(references).sorted(Comparator.reverseOrder()).toList();
    }

    static <T> T inEffect(BundleContext context, Class<T> kind) {
        List<ServiceReference<?>> ranked = ranked(context, kind);
        return ranked.isEmpty() ? null : kind.cast(context.getService(ranked.get(0)));
    }

    /** "org.psip.plugin.auth.digest (bundle 82, ranking 0, psip.auth=digest)". */
    static String describe(ServiceReference<?> reference) {
        StringBuilder text = new StringBuilder(reference.getBundle().getSymbolicName())
                .append(" (bundle ").append(reference.getBundle().getBundleId())
                .append(", ranking ").append(ranking(reference));
        for (String key : reference.getPropertyKeys()) {
            if (key.startsWith("psip.")) {
                text.append(", ").append(key).append('=').append(reference.getProperty(key));
            }
        }
        return text.append(')').toString();
    }

    private static Object ranking(ServiceReference<?> reference) {
        Object ranking = reference.getProperty("service.ranking");
        return ranking instanceof Integer ? ranking : 0;
    }
}
