package org.psip.routes.events;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The publisher's counters: cheap to bump from any thread, read as one {@link CallEventStats}. */
final class EventCounters {

    private static final Logger LOG = LoggerFactory.getLogger("psip.events");
    /** Over the in-memory limit every event would log a line: one in this many does. */
    private static final long OVERFLOW_LOG_EVERY = 1000;

    final LongAdder published = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder givenUp = new LongAdder();
    final LongAdder spooled = new LongAdder();
    final LongAdder replayed = new LongAdder();
    private final AtomicLong overflowed = new AtomicLong();

    /** An event refused because too many wait already: counted, and logged now and then. */
    void overflowed(CallEvent event, int maxPending) {
        givenUp.increment();
        long count = overflowed.getAndIncrement();
        if (count % OVERFLOW_LOG_EVERY == 0) {
            LOG.warn("call event {} of {} given up: {} events already wait for their event_url "
                    + "(psip.events.max-pending); {} given up so far for this reason",
                    event.status().wireName(), event.uuid(), maxPending, count + 1);
        }
    }

    CallEventStats stats(int pending) {
        return new CallEventStats(published.sum(), delivered.sum(), retried.sum(), givenUp.sum(), spooled.sum(),
                replayed.sum(), pending);
    }
}
