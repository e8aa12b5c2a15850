package org.psip.routes.events;

import java.util.concurrent.CompletableFuture;

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

    /**
     * Sends an NCCO {@code notify} to its eventUrl and completes with the application's
     * answer, which may be an NCCO; never blocks and never completes exceptionally.
     * A publisher that cannot send one answers that it failed.
     */
    default CompletableFuture<NotifyAnswer> sendNotify(NotifyRequest notify) {
        return CompletableFuture.completedFuture(NotifyAnswer.failed(getClass().getSimpleName()
                + " does not send notify requests"));
    }
}
