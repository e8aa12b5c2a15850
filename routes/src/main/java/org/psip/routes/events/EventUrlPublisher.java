package org.psip.routes.events;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.support.service.ServiceSupport;
import org.psip.api.Application;
import org.psip.routes.events.EventHttpSender.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers call events to each application's event_url, as a Camel service.
 * {@link #publish} only queues: the HTTP requests, retries and disk writes run on the
 * publisher's own threads. Events of one conversation go one at a time, in order; other
 * conversations go side by side, up to {@code concurrency} requests in flight. A failed
 * attempt (refused, timeout, 408, 429, 5xx) is tried again after a doubling delay, and
 * the conversation's events are spooled to disk while they wait; any other 4xx is given
 * up. A stop spools whatever is left, and the next start sends it. Delivery is at least
 * once: an event whose answer was lost to a crash or a stop is sent again.
 */
public class EventUrlPublisher extends ServiceSupport implements CallEvents {

    private static final Logger LOG = LoggerFactory.getLogger("psip.events");

    private final EventDeliverySettings settings;
    private final EventSpool spool;
    private final EventCounters counters = new EventCounters();
    private final Map<String, ConversationQueue> conversations = new ConcurrentHashMap<>();
    private final Queue<ConversationQueue> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final Object stopMonitor = new Object();
    /** Sending: started and not stopping. Events published before the start wait for it. */
    private volatile boolean accepting;
    private volatile boolean stopped;
    private volatile ExecutorService dispatchThread;
    private volatile SpoolThread spoolThread;
    private volatile EventHttpSender sender;

    public EventUrlPublisher(EventDeliverySettings settings) {
        this.settings = settings;
        this.spool = new EventSpool(settings.spoolDirectory());
    }

    @Override
    public void publish(Application application, CallEvent event) {
        if (application == null || application.eventUrl() == null) {
            return;
        }
        if (pending.incrementAndGet() > settings.maxPending()) {
            pending.decrementAndGet();
            counters.overflowed(event, settings.maxPending());
            return;
        }
        counters.published.increment();
        String conversation = event.conversationUuid() != null ? event.conversationUuid() : event.uuid();
        enqueue(conversation, new PendingEvent(EventTarget.of(application), event, 0));
        if (stopped) {
            // stopped, or a stop raced with this call: the event must reach the spool, not wait in memory
            spoolLeftovers();
        }
    }

    public CallEventStats stats() {
        return counters.stats(pending.get());
    }

    private void enqueue(String conversation, PendingEvent event) {
        while (true) {
            ConversationQueue queue = conversations.computeIfAbsent(conversation, ConversationQueue::new);
            switch (queue.offer(event)) {
                case CLOSED -> conversations.remove(conversation, queue); // just drained: a new queue takes it
                case NOW_READY -> {
                    ready.add(queue);
                    dispatch();
                    return;
                }
                case QUEUED_SPOOL_STALE -> {
                    spoolThread.rewrite(queue);
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    /** Hands the sending to the dispatch thread, once however many events became ready meanwhile. */
    private void dispatch() {
        ExecutorService threads = dispatchThread;
        if (accepting && threads != null && pumpQueued.compareAndSet(false, true)) {
            try {
                threads.execute(() -> {
                    pumpQueued.set(false);
                    pump();
                });
            } catch (RejectedExecutionException stopping) {
                pumpQueued.set(false);
            }
        }
    }

    /** Starts the head of each ready conversation while there is room; a request ending pumps again. */
    private void pump() {
        while (accepting && !ready.isEmpty()) {
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
                continue;
            }
            send(queue, head);
        }
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
            switch (outcome.kind()) {
                case DELIVERED -> {
                    counters.delivered.increment();
                    finished(queue);
                }
                case REFUSED -> {
                    head.attempted();
                    givenUp(head, outcome, "not retried");
                    finished(queue);
                }
                case RETRY -> retryOrGiveUp(queue, head, outcome);
            }
        } finally {
            release();
            pump();
        }
    }

    private void retryOrGiveUp(ConversationQueue queue, PendingEvent head, Outcome outcome) {
        int attempts = head.attempted();
        if (attempts >= settings.maxAttempts()
                || Duration.between(head.event().timestamp(), Instant.now()).compareTo(settings.maxAge()) >= 0) {
            givenUp(head, outcome, "out of attempts or age (psip.events.max-attempts, psip.events.max-age)");
            finished(queue);
            return;
        }
        if (!queue.backOff() || !accepting) {
            return; // a stop spools it
        }
        counters.retried.increment();
        Duration delay = settings.retryDelay(attempts);
        LOG.debug("call event {} of {} to {} {}; attempt {} in {} ms", head.event().status().wireName(),
                head.event().uuid(), head.target().url(), outcome.description(), attempts + 1, delay.toMillis());
        if (queue.spoolWriteWanted()) {
            spoolThread.rewrite(queue);
        }
        spoolThread.retryAfter(delay, () -> {
            if (queue.retryDue()) {
                ready.add(queue);
                dispatch();
            }
        });
    }

    private void finished(ConversationQueue queue) {
        ConversationQueue.Finished next = queue.finished();
        if (next == ConversationQueue.Finished.IGNORED) {
            return; // a stop spooled it meanwhile
        }
        pending.decrementAndGet();
        switch (next) {
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

    private void givenUp(PendingEvent head, Outcome outcome, String why) {
        counters.givenUp.increment();
        LOG.warn("call event {} of {} (conversation {}) given up after {} attempt(s): {} {}, {}",
                head.event().status().wireName(), head.event().uuid(), head.event().conversationUuid(),
                head.attempts(), head.target().url(), outcome.description(), why);
    }

    private void release() {
        inFlight.decrementAndGet();
        if (!accepting) {
            synchronized (stopMonitor) {
                stopMonitor.notifyAll();
            }
        }
    }

    @Override
    protected void doStart() throws Exception {
        spoolThread = new SpoolThread(spool);
        int replayed = replaySpool();
        dispatchThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "psip-events-dispatch");
            thread.setDaemon(true);
            return thread;
        });
        sender = new EventHttpSender(settings.concurrency(), dispatchThread);
        stopped = false;
        accepting = true;
        LOG.info("call events: spool {}, {} undelivered event(s) read back from it", spool.directory(), replayed);
        dispatch();
    }

    private int replaySpool() throws IOException {
        int replayed = 0;
        for (Map.Entry<String, List<PendingEvent>> spooled : spool.readAll().entrySet()) {
            ConversationQueue queue = ConversationQueue.fromSpool(spooled.getKey(), spooled.getValue());
            conversations.put(spooled.getKey(), queue);
            ready.add(queue);
            replayed += spooled.getValue().size();
        }
        pending.addAndGet(replayed);
        counters.replayed.add(replayed);
        return replayed;
    }

    @Override
    protected void doStop() throws Exception {
        accepting = false;
        stopped = true;
        awaitRequestsInFlight();
        spoolThread.stop(settings.stopGrace());
        int spooled = spoolLeftovers();
        sender.close();
        dispatchThread.shutdownNow();
        LOG.info("call events stopped: {} undelivered event(s) spooled to {}; {}", spooled, spool.directory(),
                stats());
    }

    private void awaitRequestsInFlight() throws InterruptedException {
        long deadline = System.nanoTime() + settings.stopGrace().toNanos();
        synchronized (stopMonitor) {
            while (inFlight.get() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                stopMonitor.wait(left);
            }
        }
    }

    /** Moves every conversation still in memory to the spool; returns how many events that was. */
    private synchronized int spoolLeftovers() {
        int moved = 0;
        for (Iterator<ConversationQueue> queues = conversations.values().iterator(); queues.hasNext(); ) {
            ConversationQueue queue = queues.next();
            queues.remove();
            List<PendingEvent> left = queue.close();
            if (left.isEmpty()) {
                continue;
            }
            pending.addAndGet(-left.size());
            try {
                if (queue.spooled()) {
                    spool.write(queue.conversation(), left);
                } else {
                    spool.append(queue.conversation(), left);
                }
                counters.spooled.add(left.size());
                moved += left.size();
            } catch (IOException e) {
                counters.givenUp.add(left.size());
                LOG.error("{} call event(s) of {} lost: cannot write them to the spool {}: {}", left.size(),
                        queue.conversation(), spool.directory(), e.toString());
            }
        }
        ready.clear();
        return moved;
    }
}
