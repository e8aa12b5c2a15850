package org.psip.routes.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

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

    /** The setting of the spool directory; the others are {@code psip.events.<name>} too. */
    public static final String SPOOL_DIRECTORY = "psip.events.spool-directory";

    /**
     * The {@code psip.events.*} settings (docs/call-events.md), the same keys standalone and
     * in Karaf; a missing or blank one takes its default. The spool defaults to one directory
     * per SIP port under java.io.tmpdir: a container with a lasting place sets its own.
     *
     * @param settings a setting's value by its key, null when it is not set
     * @throws IllegalArgumentException naming the setting that is not a whole number or out of range
     */
    public static EventDeliverySettings from(Function<String, String> settings) {
        String spool = text(settings, SPOOL_DIRECTORY);
        String sipPort = text(settings, "psip.sip.port");
        Path spoolDirectory = !spool.isEmpty() ? Path.of(spool) : Path.of(System.getProperty("java.io.tmpdir"),
                "psip-events-" + (sipPort.isEmpty() ? "5060" : sipPort));
        return new EventDeliverySettings(spoolDirectory,
                milliseconds(settings, "psip.events.first-retry-delay", DEFAULT_FIRST_RETRY_DELAY),
                milliseconds(settings, "psip.events.max-retry-delay", DEFAULT_MAX_RETRY_DELAY),
                number(settings, "psip.events.max-attempts", DEFAULT_MAX_ATTEMPTS),
                milliseconds(settings, "psip.events.max-age", DEFAULT_MAX_AGE),
                number(settings, "psip.events.concurrency", DEFAULT_CONCURRENCY),
                number(settings, "psip.events.max-pending", DEFAULT_MAX_PENDING),
                milliseconds(settings, "psip.events.stop-grace", DEFAULT_STOP_GRACE));
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

    private static String text(Function<String, String> settings, String key) {
        String value = settings.apply(key);
        return value == null ? "" : value.trim();
    }

    private static Duration milliseconds(Function<String, String> settings, String key, Duration defaultValue) {
        return Duration.ofMillis(number(settings, key, (int) Math.min(Integer.MAX_VALUE, defaultValue.toMillis())));
    }

    private static int number(Function<String, String> settings, String key, int defaultValue) {
        String value = text(settings, key);
        try {
            return value.isEmpty() ? defaultValue : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static void positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }
}
