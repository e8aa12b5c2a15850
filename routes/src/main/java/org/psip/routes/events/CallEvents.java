package org.psip.routes.events;

import org.psip.api.Application;

/**
 * Where call control reports call events. {@link #publish} returns at once: delivery to
 * the application's event_url happens elsewhere and never slows a call down.
 * Bound in the registry as {@code callEvents}.
 */
public interface CallEvents {

    /** The name call-flow steps look the publisher up by, per call. */
    String BEAN_NAME = "callEvents";

    /** Queues the event for the application's event_url; does nothing when it has none. */
    void publish(Application application, CallEvent event);
}
