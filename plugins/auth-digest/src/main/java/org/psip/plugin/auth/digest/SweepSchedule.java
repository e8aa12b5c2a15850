package org.psip.plugin.auth.digest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one caller at a time, at most once per interval, clean a table of expired entries. The
 * tables here have no thread of their own: a request thread that finds a sweep due does it, and
 * the others carry on without waiting.
 */
final class SweepSchedule {

    private final long intervalMillis;
    private final AtomicLong nextSweepAt = new AtomicLong(Long.MIN_VALUE);

    SweepSchedule(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** True for exactly one caller once the interval has passed since the last sweep. */
    boolean claim(long nowMillis) {
        long due = nextSweepAt.get();
        return nowMillis >= due && nextSweepAt.compareAndSet(due, nowMillis + intervalMillis);
    }
}
