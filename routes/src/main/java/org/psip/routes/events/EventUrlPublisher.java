package org.psip.routes.events;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.psip.api.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers call events to each application's event_url, as a Camel service.
 * {@link #publish} only queues: the HTTP requests, retries and disk writes run on the
 * publisher's own threads ({@link EventDelivery}). Events of one conversation go one at a
 * time, in order; other conversations go side by side. A failing event_url (refused,
 * timeout, 408, 429, 5xx) is probed again after a doubling delay while its conversations
 * wait, and those that wait long are spooled to disk; any other 4xx is given up. A stop
 * spools whatever is left, and the next start sends it. Delivery is at least once: an
 * event whose answer was lost to a crash or a stop is sent again.
 */
public class EventUrlPublisher extends ServiceSupport implements CallEvents {

    private static final Logger LOG = LoggerFactory.getLogger("psip.events");

    private final EventDeliverySettings settings;
    private final EventSpool spool;
    private final EventCounters counters = new EventCounters();
    private final Map<String, ConversationQueue> conversations = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    /** Null until started: events published before wait for the start. */
    private volatile EventDelivery delivery;
    private volatile boolean stopped;

    public EventUrlPublisher(EventDeliverySettings settings) {
        this.settings = settings;
        this.spool = new EventSpool(settings.spoolDirectory());
    }

    /**
     * A publisher with the {@code psip.events.*} settings ({@link EventDeliverySettings#from}), added to
     * the context as a service (started with it, and stopped after the routes, spooling what is left)
     * and bound as {@link CallEvents#BEAN_NAME}, where call control finds it.
     */
    public static EventUrlPublisher addTo(CamelContext context, Function<String, String> settings) throws Exception {
        EventUrlPublisher callEvents = new EventUrlPublisher(EventDeliverySettings.from(settings));
        context.addService(callEvents, true, true);
        context.getRegistry().bind(CallEvents.BEAN_NAME, callEvents);
        return callEvents;
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

    /** On the events' own HTTP client and its lifecycle: a stopped publisher sends nothing. */
    @Override
    public CompletableFuture<NotifyAnswer> sendNotify(NotifyRequest notify) {
        EventDelivery current = delivery;
        return current == null ? CompletableFuture.completedFuture(NotifyAnswer.failed("call events are stopped"))
                : current.sendNotify(notify);
    }

    public CallEventStats stats() {
        return counters.stats(pending.get());
    }

    private void enqueue(String conversation, PendingEvent event) {
        while (true) {
            ConversationQueue queue = conversations.computeIfAbsent(conversation, ConversationQueue::new);
            ConversationQueue.Offered offered = queue.offer(event);
            if (offered != ConversationQueue.Offered.CLOSED) {
                EventDelivery current = delivery;
                if (current != null && offered == ConversationQueue.Offered.NOW_READY) {
                    current.ready(queue);
                } else if (current != null && offered == ConversationQueue.Offered.QUEUED_SPOOL_STALE) {
                    current.respool(queue);
                }
                return;
            }
            conversations.remove(conversation, queue); // just drained: a new queue takes the event
        }
    }

    @Override
    protected void doStart() throws Exception {
        int replayed = 0;
        for (Map.Entry<String, List<PendingEvent>> spooled : spool.readAll().entrySet()) {
            conversations.put(spooled.getKey(), ConversationQueue.fromSpool(spooled.getKey(), spooled.getValue()));
            replayed += spooled.getValue().size();
        }
        pending.addAndGet(replayed);
        counters.replayed.add(replayed);
        EventDelivery started = new EventDelivery(settings, spool, conversations, pending, counters);
        stopped = false;
        delivery = started;
        // replayed conversations, and those published before the start
        conversations.values().forEach(queue -> {
            if (queue.head() != null) {
                started.ready(queue);
            }
        });
        LOG.info("call events: spool {}, {} undelivered event(s) read back from it", spool.directory(), replayed);
    }

    @Override
    protected void doStop() throws Exception {
        stopped = true;
        EventDelivery stopping = delivery;
        delivery = null;
        if (stopping != null) {
            stopping.stop();
        }
        int spooled = spoolLeftovers();
        LOG.info("call events stopped: {} undelivered event(s) spooled to {}; {}", spooled, spool.directory(),
                stats());
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
                if (queue.spoolCurrent()) {
                    LOG.trace("{}: the spool holds its events already", queue.conversation());
                } else if (queue.spooled()) {
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
        return moved;
    }
}
