package org.psip.routes.events;

import java.time.Duration;

import org.psip.api.Application;
import org.psip.api.HttpMethod;

/**
 * Where and how one event is sent: the application's event_url, event_method and
 * timeouts as they were when the event happened, so that a spooled event goes where it
 * was meant to go.
 */
record EventTarget(String url, HttpMethod method, Duration connectTimeout, Duration readTimeout) {

    static EventTarget of(Application application) {
        return new EventTarget(application.eventUrl(), application.eventMethod(), application.connectTimeout(),
                application.readTimeout());
    }
}
