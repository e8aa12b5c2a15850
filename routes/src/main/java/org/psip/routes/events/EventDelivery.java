package org.psip.routes.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.psip.routes.events.EventHttpSender.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets each conversation's events to its event_url: the head of every ready
 * conversation is sent, up to {@code concurrency} requests at once, and what the answer
 * means (delivered, given up, try again) decides what the conversation does next. A
 * failing event_url is backed off as a whole ({@link EventUrlBackoff}); a conversation
 * that waits for it long enough is written to the spool.
 */
final class EventDelivery {

    private static final Logger LOG = LoggerFactory.getLogger("psip.events");
    /**
     * A waiting conversation goes to disk once its event_url failed this many rounds: a
     * blip of a second or two never touches the disk, and an outage that lasts puts every
     * waiting conversation there within seconds (1 + 2 s with the default delays).
     */
    private static final int SPOOL_AFTER_FAILED_ROUNDS = 3;

    private final EventDeliverySettings settings;
    private final Map<String, ConversationQueue> conversations;
    private final AtomicInteger pending;
    private final EventCounters counters;
    private final EventUrlBackoff backoff;
    private final Queue<ConversationQueue> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final Object stopMonitor = new Object();
    private final ExecutorService dispatchThread;
    private final SpoolThread spoolThread;
    private final EventHttpSender sender;
    private volatile boolean sending = true;

    /** Starts its threads; {@link #stop} ends them. The map, count and counters are the publisher's. */
    EventDelivery(EventDeliverySettings settings, EventSpool spool, Map<String, ConversationQueue> conversations,
                  AtomicInteger pending, EventCounters counters) {
        this.settings = settings;
        this.conversations = conversations;
        this.pending = pending;
        this.counters = counters;
        this.backoff = new EventUrlBackoff(settings);
        this.spoolThread = new SpoolThread(spool);
        this.dispatchThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "psip-events-dispatch");
            thread.setDaemon(true);
            return thread;
        });
        this.sender = new EventHttpSender(settings.concurrency(), dispatchThread);
    }

    /** The conversation has an event to send: it joins the ready ones. */
    void ready(ConversationQueue queue) {
        ready.add(queue);
        dispatch();
    }

    /** Sends an NCCO notify on the events' client, beside the events: it waits for none of them. */
    CompletableFuture<NotifyAnswer> sendNotify(NotifyRequest notify) {
        return sender.sendNotify(notify);
    }

    /** A spooled conversation changed: its file is written again. */
    void respool(ConversationQueue queue) {
        spoolThread.rewrite(queue);
    }

    /**
     * Stops sending, waits up to the stop grace for requests in flight and for the spool
     * writes asked for, then ends the threads. What is left is the publisher's to spool.
     */
    void stop() throws InterruptedException {
        sending = false;
        long deadline = System.nanoTime() + settings.stopGrace().toNanos();
        synchronized (stopMonitor) {
            for (long left = settings.stopGrace().toMillis(); inFlight.get() > 0 && left > 0;
                 left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                stopMonitor.wait(left);
            }
        }
        spoolThread.stop(settings.stopGrace());
        sender.close();
        dispatchThread.shutdownNow();
        ready.clear();
    }

    /** Hands the sending to the dispatch thread, once however many conversations became ready meanwhile. */
    private void dispatch() {
        if (sending && pumpQueued.compareAndSet(false, true)) {
            try {
                dispatchThread.execute(() -> {
                    pumpQueued.set(false);
                    pump();
                });
            } catch (RejectedExecutionException stopping) {
                pumpQueued.set(false);
            }
        }
    }

    /** Sends the head of each ready conversation while there is room; a request ending pumps again. */
    private void pump() {
        while (sending && !ready.isEmpty()) {
            int running = inFlight.get();
            if (running >= settings.concurrency()) {
                return;
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            ConversationQueue queue = ready.poll();
            PendingEvent head = queue == null ? null : queue.next();
            if (head == null) {
                release();
            } else if (!admitted(queue, head.target().url())) {
                release();
            } else {
                send(queue, head);
            }
        }
    }

    /** False when the conversation waits for its event_url to come back. */
    private boolean admitted(ConversationQueue queue, String url) {
        EventUrlBackoff.Admission admission = backoff.admit(url, queue);
        if (admission == EventUrlBackoff.Admission.SEND) {
            return true;
        }
        if (admission == EventUrlBackoff.Admission.WAIT_AND_PROBE) {
            scheduleProbe(url, backoff.probeDelay(url));
        }
        if (backoff.failedRounds(url) >= SPOOL_AFTER_FAILED_ROUNDS && queue.startSpooling()) {
            spoolThread.rewrite(queue);
        }
        return false;
    }

    private void send(ConversationQueue queue, PendingEvent head) {
        try {
            sender.send(head).whenComplete((outcome, failure) -> attempted(queue, head,
                    failure == null ? outcome : new Outcome(Outcome.Kind.RETRY, String.valueOf(failure))));
        } catch (RuntimeException e) {
            attempted(queue, head, new Outcome(Outcome.Kind.RETRY, e.toString()));
        }
    }

    private void attempted(ConversationQueue queue, PendingEvent head, Outcome outcome) {
        try {
            String url = head.target().url();
            switch (outcome.kind()) {
                case DELIVERED -> {
                    counters.delivered.increment();
                    finished(queue);
                    wake(backoff.answered(url));
                }
                case REFUSED -> {
                    head.attempted();
                    givenUp(head, outcome.description() + ", not retried");
                    finished(queue);
                    wake(backoff.answered(url));
                }
                case RETRY -> failed(queue, head, outcome);
            }
        } finally {
            release();
            pump();
        }
    }

    private void failed(ConversationQueue queue, PendingEvent head, Outcome outcome) {
        int attempts = head.attempted();
        boolean giveUp = attempts >= settings.maxAttempts() || tooOld(head, Instant.now());
        if (giveUp) {
            givenUp(head, outcome.description() + ", out of attempts or age");
        }
        boolean waits = !giveUp && sending && queue.backOff();
        if (sending) {
            String url = head.target().url();
            EventUrlBackoff.Failure failure = backoff.failed(url, queue, waits);
            if (failure.probeIn() != null) {
                scheduleProbe(url, failure.probeIn());
            }
            if (failure.failedRounds() >= SPOOL_AFTER_FAILED_ROUNDS) {
                spool(failure.failedRounds() == SPOOL_AFTER_FAILED_ROUNDS ? backoff.waiting(url)
                        : waits ? List.of(queue) : List.of());
            }
        }
        if (waits) {
            counters.retried.increment();
            LOG.debug("call event {} of {} to {}: {}; waits for the event_url", head.event().status().wireName(),
                    head.event().uuid(), head.target().url(), outcome.description());
        } else if (giveUp) {
            finished(queue);
        }
    }

    private void scheduleProbe(String url, Duration delay) {
        spoolThread.after(delay, () -> {
            giveUpExpired(url);
            ConversationQueue prober = backoff.probe(url);
            if (prober != null && prober.retryDue()) {
                ready(prober);
            }
        });
    }

    /** Waiting conversations whose oldest event is older than max-age give it up. */
    private void giveUpExpired(String url) {
        Instant now = Instant.now();
        for (ConversationQueue queue : backoff.expire(url, now.minus(settings.maxAge()))) {
            PendingEvent head = queue.head();
            if (head != null && queue.retryDue()) {
                givenUp(head, "still waiting for its event_url after psip.events.max-age");
                finished(queue);
            }
        }
        dispatch();
    }

    /** Writes the conversations to the spool, those not there yet. */
    private void spool(List<ConversationQueue> queues) {
        for (ConversationQueue queue : queues) {
            if (queue.startSpooling()) {
                spoolThread.rewrite(queue);
            }
        }
    }

    private void wake(List<ConversationQueue> queues) {
        for (ConversationQueue queue : queues) {
            if (queue.retryDue()) {
                ready.add(queue);
            }
        }
    }

    private void finished(ConversationQueue queue) {
        ConversationQueue.Finished next = queue.finished();
        if (next == ConversationQueue.Finished.IGNORED) {
            return; // a stop spooled it meanwhile
        }
        pending.decrementAndGet();
        switch (next) {
            // no dispatch: the caller pumps next (an answer's I/O thread) or dispatches itself
            case NEXT -> ready.add(queue);
            case NEXT_SPOOL_STALE -> {
                ready.add(queue);
                spoolThread.rewrite(queue);
            }
            case DRAINED -> conversations.remove(queue.conversation(), queue);
            case DRAINED_SPOOLED -> {
                conversations.remove(queue.conversation(), queue);
                spoolThread.delete(queue.conversation());
            }
            default -> throw new IllegalStateException(next.name());
        }
    }

    private boolean tooOld(PendingEvent event, Instant now) {
        return Duration.between(event.event().timestamp(), now).compareTo(settings.maxAge()) >= 0;
    }

    private void givenUp(PendingEvent head, String why) {
        counters.givenUp.increment();
        LOG.warn("call event {} of {} (conversation {}) to {} given up after {} attempt(s): {}",
                head.event().status().wireName(), head.event().uuid(), head.event().conversationUuid(),
                head.target().url(), head.attempts(), why);
    }

    private void release() {
        inFlight.decrementAndGet();
        if (!sending) {
            synchronized (stopMonitor) {
                stopMonitor.notifyAll();
            }
        }
    }
}
