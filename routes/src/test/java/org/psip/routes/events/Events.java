package org.psip.routes.events;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.psip.api.Application;
import org.psip.api.HttpMethod;
import org.psip.routes.events.CallEvent.Direction;
import org.psip.routes.events.CallEvent.Status;

/** Applications, calls and settings for the publisher's tests. */
final class Events {

    private Events() {
    }

    static Application application(String eventUrl, HttpMethod eventMethod) {
        return application(eventUrl, eventMethod, Duration.ofSeconds(2));
    }

    static Application application(String eventUrl, HttpMethod eventMethod, Duration readTimeout) {
        return new Application("app", "http://127.0.0.1:9/answer", HttpMethod.GET, null, eventUrl, eventMethod,
                Duration.ofSeconds(1), readTimeout, null);
    }

    /** Retries within milliseconds, so that a test sees several. */
    static EventDeliverySettings quickRetries(Path spool) {
        return quickRetries(spool, 1000, 1000);
    }

    static EventDeliverySettings quickRetries(Path spool, int maxAttempts, int maxPending) {
        return new EventDeliverySettings(spool, Duration.ofMillis(20), Duration.ofMillis(100), maxAttempts,
                Duration.ofHours(1), 8, maxPending, Duration.ofSeconds(1));
    }

    /** One call: its inbound leg's events share the uuid and the conversation. */
    record Call(String uuid, String conversation) {

        static Call next() {
            String uuid = UUID.randomUUID().toString();
            return new Call(uuid, "CON-" + UUID.randomUUID());
        }

        CallEvent event(Status status) {
            return new CallEvent(status, uuid, conversation, "447700900000", "442079460000", Direction.INBOUND,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null, null);
        }
    }
}
