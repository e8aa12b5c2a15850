package org.psip.routes.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off per event_url rather than per call: once an event_url fails, it counts as
 * down, and one conversation at a time probes it, after a delay that doubles with each
 * failed probe, while the others wait here without a request. An application that is
 * down for an hour costs one request per delay, not one per call and retry; when it
 * answers again, everything that waited for it goes. Each conversation still sends its
 * own events in order.
 */
final class EventUrlBackoff {

    /** What to do with a conversation whose head is about to be sent. */
    enum Admission { SEND, WAIT, WAIT_AND_PROBE }

    /** After a failed attempt: when to probe next (null: a probe is scheduled already) and how many rounds failed. */
    record Failure(Duration probeIn, int failedRounds) {
    }

    private static final class Target {
        /** Rounds of failure since it last answered: 0 while it is up. */
        int failedRounds;
        boolean probeScheduled;
        ConversationQueue prober;
        final ArrayDeque<ConversationQueue> waiting = new ArrayDeque<>();
    }

    private final EventDeliverySettings settings;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();

    EventUrlBackoff(EventDeliverySettings settings) {
        this.settings = settings;
    }

    /**
     * Lets the conversation send to a working event_url or as the probe of a down one;
     * otherwise backs it off and keeps it waiting ({@code WAIT_AND_PROBE}: the caller
     * schedules the probe, {@link #probeDelay}).
     */
    Admission admit(String url, ConversationQueue queue) {
        Target target = targets.get(url);
        if (target == null) {
            return Admission.SEND;
        }
        synchronized (target) {
            if (target.failedRounds == 0 || target.prober == queue) {
                return Admission.SEND;
            }
            if (!queue.backOff()) {
                return Admission.WAIT; // a stop closed it meanwhile, and spools it
            }
            target.waiting.addLast(queue);
            return scheduleProbe(target) ? Admission.WAIT_AND_PROBE : Admission.WAIT;
        }
    }

    /**
     * An attempt of the conversation failed. It waits again when {@code wait} (it was
     * backed off already); a failed probe, or the first failure of a working event_url,
     * counts as one more failed round.
     */
    Failure failed(String url, ConversationQueue queue, boolean wait) {
        Target target = targets.computeIfAbsent(url, u -> new Target());
        synchronized (target) {
            if (target.failedRounds == 0 || target.prober == queue) {
                target.failedRounds++;
                target.prober = null;
            }
            if (wait) {
                target.waiting.addFirst(queue); // probes again first: its event is the oldest
            }
            return new Failure(scheduleProbe(target) ? probeDelay(url) : null, target.failedRounds);
        }
    }

    /** The delay before the next probe of a down event_url. */
    Duration probeDelay(String url) {
        return settings.retryDelay(Math.max(failedRounds(url), 1));
    }

    /** Rounds of failure since the event_url last answered: 0 while it is up. */
    int failedRounds(String url) {
        Target target = targets.get(url);
        if (target == null) {
            return 0;
        }
        synchronized (target) {
            return target.failedRounds;
        }
    }

    /** The probe is due: the one conversation that may send now, or null when none waits. */
    ConversationQueue probe(String url) {
        Target target = targets.get(url);
        if (target == null) {
            return null;
        }
        synchronized (target) {
            target.probeScheduled = false;
            target.prober = target.waiting.pollFirst();
            return target.prober;
        }
    }

    /** The event_url answered: it is up, and every conversation that waited for it goes now. */
    List<ConversationQueue> answered(String url) {
        Target target = targets.get(url);
        if (target == null) {
            return List.of();
        }
        synchronized (target) {
            target.failedRounds = 0;
            target.prober = null;
            List<ConversationQueue> released = List.copyOf(target.waiting);
            target.waiting.clear();
            return released;
        }
    }

    /** The conversations waiting for the event_url, for the spool. */
    List<ConversationQueue> waiting(String url) {
        Target target = targets.get(url);
        if (target == null) {
            return List.of();
        }
        synchronized (target) {
            return List.copyOf(target.waiting);
        }
    }

    /** Takes out the waiting conversations whose oldest event happened before the cutoff. */
    List<ConversationQueue> expire(String url, Instant cutoff) {
        Target target = targets.get(url);
        List<ConversationQueue> expired = new ArrayList<>();
        if (target == null) {
            return expired;
        }
        synchronized (target) {
            for (Iterator<ConversationQueue> queues = target.waiting.iterator(); queues.hasNext(); ) {
                ConversationQueue queue = queues.next();
                PendingEvent head = queue.head();
                if (head != null && head.event().timestamp().isBefore(cutoff)) {
                    queues.remove();
                    expired.add(queue);
                }
            }
        }
        return expired;
    }

    /** Forgets every event_url's state: a stop spools the conversations, whatever they waited for. */
    void clear() {
        targets.clear();
    }

    private static boolean scheduleProbe(Target target) {
        if (target.probeScheduled || target.prober != null) {
            return false;
        }
        target.probeScheduled = true;
        return true;
    }
}
