package org.psip.routes.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link EventUrlPublisher} delivers call events.
 *
 * @param spoolDirectory  where events not yet delivered are kept across restarts
 * @param firstRetryDelay the wait before a failing event_url is tried again; each failed try doubles it
 * @param maxRetryDelay   the longest wait between two tries
 * @param maxAttempts     attempts per event before it is given up
 * @param maxAge          how long after it happened an event is still tried
 * @param concurrency     requests in flight at once, over all event_urls
 * @param maxPending      events held in memory at most; more are given up (counted and logged)
 * @param stopGrace       how long a stop waits for requests in flight before spooling what is left
 */
public record EventDeliverySettings(Path spoolDirectory, Duration firstRetryDelay, Duration maxRetryDelay,
                                    int maxAttempts, Duration maxAge, int concurrency, int maxPending,
                                    Duration stopGrace) {

    public static final Duration DEFAULT_FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTEMPTS = 100;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);
    public static final int DEFAULT_CONCURRENCY = 64;
    public static final int DEFAULT_MAX_PENDING = 100_000;
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(2);

    public EventDeliverySettings {
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        positive(firstRetryDelay, "first retry delay");
        positive(maxRetryDelay, "max retry delay");
        positive(maxAge, "max age");
        Objects.requireNonNull(stopGrace, "stopGrace");
        if (maxAttempts < 1 || concurrency < 1 || maxPending < 1) {
            throw new IllegalArgumentException("max attempts, concurrency and max pending must be at least 1, not "
                    + maxAttempts + ", " + concurrency + ", " + maxPending);
        }
    }

    /** The defaults, spooling to this directory. */
    public static EventDeliverySettings defaults(Path spoolDirectory) {
        return new EventDeliverySettings(spoolDirectory, DEFAULT_FIRST_RETRY_DELAY, DEFAULT_MAX_RETRY_DELAY,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_AGE, DEFAULT_CONCURRENCY, DEFAULT_MAX_PENDING, DEFAULT_STOP_GRACE);
    }

    /** The wait before the next attempt, after this many failed ones: doubling, capped. */
    Duration retryDelay(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long millis = firstRetryDelay.toMillis() << doublings;
        return millis <= 0 || millis > maxRetryDelay.toMillis() ? maxRetryDelay : Duration.ofMillis(millis);
    }

    private static void positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }
}
