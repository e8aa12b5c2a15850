package org.psip.routes.events;

import org.psip.api.Application;

/**
 * Where call control reports call events. {@link #publish} returns at once: delivery to
 * the application's event_url happens elsewhere and never slows a call down.
 * Bound in the registry as {@code callEvents}.
 */
public interface CallEvents {

    /** Queues the event for the application's event_url; does nothing when it has none. */
    void publish(Application application, CallEvent event);
}
