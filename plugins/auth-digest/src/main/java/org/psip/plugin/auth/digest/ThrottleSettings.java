package org.psip.plugin.auth.digest;

import java.time.Duration;

/**
 * How many failed authentications one source address may make before it is turned away for a
 * while.
 *
 * @param failuresAllowed   failures a source may make within {@code window}; the next request from
 *                          it is answered 503 until the oldest of those failures leaves the window
 * @param window            the sliding window failures are counted in
 * @param maxTrackedSources how many source addresses with recent failures are remembered at most;
 *                          a bound on memory when failures come from very many addresses
 */
public record ThrottleSettings(int failuresAllowed, Duration window, int maxTrackedSources) {

    /** Five failures a minute, up to 100,000 sources (about 200 bytes each, 20 MB at worst). */
    public static final ThrottleSettings DEFAULT = new ThrottleSettings(5, Duration.ofSeconds(60), 100_000);

    /** A ceiling on failuresAllowed: each tracked source keeps that many timestamps. */
    public static final int MAX_FAILURES_ALLOWED = 1_000;

    public ThrottleSettings {
        if (failuresAllowed < 1 || failuresAllowed > MAX_FAILURES_ALLOWED) {
            throw new IllegalArgumentException(
                    "failuresAllowed must be between 1 and " + MAX_FAILURES_ALLOWED + ": " + failuresAllowed);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the throttle window must be positive: " + window);
        }
        if (maxTrackedSources < 1) {
            throw new IllegalArgumentException("maxTrackedSources must be positive: " + maxTrackedSources);
        }
    }
}
