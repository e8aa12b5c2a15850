package org.psip.plugin.auth.digest;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per source address in a sliding window and turns away a source
 * that used up its allowance, so that guessing passwords from one address costs time, while
 * every other source carries on untouched: nothing sleeps, and the only lock is the one source's
 * own window.
 *
 * <p>Each source keeps the times of its last {@code failuresAllowed} failures; it is blocked
 * while the oldest of them is still inside the window. The table is bounded: sources whose
 * failures have all left the window are swept away, and when it is full of live sources a new one
 * goes uncounted rather than evicting one that is being throttled (this guards capacity; the
 * password is what guards the account). A failure that races the sweep of its source's idle
 * entry can go uncounted; the next one is counted again.
 */
final class FailureThrottle {

    private static final long SWEEP_INTERVAL_MILLIS = 5_000;

    private final ConcurrentHashMap<InetAddress, FailureWindow> windows = new ConcurrentHashMap<>();
    private final SweepSchedule sweeps = new SweepSchedule(SWEEP_INTERVAL_MILLIS);
    private final int failuresAllowed;
    private final long windowMillis;
    private final int maxTrackedSources;

    FailureThrottle(ThrottleSettings settings) {
        this.failuresAllowed = settings.failuresAllowed();
        this.windowMillis = settings.window().toMillis();
        this.maxTrackedSources = settings.maxTrackedSources();
    }

    /** How long the source must wait before it may try again; 0 when it may try now. */
    long blockedForMillis(InetAddress source, long nowMillis) {
        FailureWindow window = windows.get(source);
        return window == null ? 0 : window.blockedForMillis(nowMillis, windowMillis);
    }

    void recordFailure(InetAddress source, long nowMillis) {
        if (sweeps.claim(nowMillis)) {
            windows.values().removeIf(window -> window.isIdle(nowMillis, windowMillis));
        }
        FailureWindow window = windows.get(source);
        if (window == null) {
            if (windows.mappingCount() >= maxTrackedSources) {
                return;
            }
            window = windows.computeIfAbsent(source, absent -> new FailureWindow(failuresAllowed));
        }
        window.record(nowMillis);
    }

    /** The times of one source's most recent failures, in a ring. */
    private static final class FailureWindow {

        private final long[] failureTimes;
        private int next;
        private int count;

        FailureWindow(int capacity) {
            this.failureTimes = new long[capacity];
        }

        synchronized void record(long nowMillis) {
            failureTimes[next] = nowMillis;
            next = (next + 1) % failureTimes.length;
            count = Math.min(count + 1, failureTimes.length);
        }

        synchronized long blockedForMillis(long nowMillis, long windowMillis) {
            if (count < failureTimes.length) {
                return 0;
            }
            long oldest = failureTimes[next];
            return Math.max(0, oldest + windowMillis - nowMillis);
        }

        synchronized boolean isIdle(long nowMillis, long windowMillis) {
            int newest = (next + failureTimes.length - 1) % failureTimes.length;
            return count == 0 || failureTimes[newest] + windowMillis <= nowMillis;
        }
    }
}
