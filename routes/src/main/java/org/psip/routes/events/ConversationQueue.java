package org.psip.routes.events;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The events of one conversation not yet delivered, in order: only the head is ever in
 * flight, so event N+1 never overtakes event N. Its states:
 * <pre>
 * IDLE ─offer─► READY ─next─► SENDING ─done, more─► READY
 *                               │  └──done, none left──► CLOSED (removed; a new queue takes later events)
 *                               └─failed, or its event_url is down─► BACKOFF ─probe or event_url back─► READY
 * any ─close (stop)─► CLOSED
 * </pre>
 */
final class ConversationQueue {

    enum State { IDLE, READY, SENDING, BACKOFF, CLOSED }

    /** What the publisher has to do after an offer. */
    enum Offered { CLOSED, NOW_READY, QUEUED, QUEUED_SPOOL_STALE }

    /** What the publisher has to do once the head is delivered or given up. */
    enum Finished { IGNORED, NEXT, NEXT_SPOOL_STALE, DRAINED, DRAINED_SPOOLED }

    private final String conversation;
    private final ArrayDeque<PendingEvent> events = new ArrayDeque<>(4);
    private State state = State.IDLE;
    /** A spool file holds this conversation (it waited for a retry, or came from the spool at start). */
    private boolean spooled;
    private boolean spoolWriteQueued;
    /** The spool file holds exactly these events: a stop need not write it again. */
    private boolean spoolCurrent;

    ConversationQueue(String conversation) {
        this.conversation = conversation;
    }

    /** A conversation read back from the spool: ready to send, its file still in place. */
    static ConversationQueue fromSpool(String conversation, List<PendingEvent> events) {
        ConversationQueue queue = new ConversationQueue(conversation);
        queue.events.addAll(events);
        queue.state = events.isEmpty() ? State.IDLE : State.READY;
        queue.spooled = true;
        return queue;
    }

    String conversation() {
        return conversation;
    }

    synchronized Offered offer(PendingEvent event) {
        if (state == State.CLOSED) {
            return Offered.CLOSED;
        }
        events.addLast(event);
        spoolCurrent = false;
        if (state == State.IDLE) {
            state = State.READY;
            return Offered.NOW_READY;
        }
        return spooled ? spoolStale(Offered.QUEUED_SPOOL_STALE, Offered.QUEUED) : Offered.QUEUED;
    }

    /** The head, now in flight; null when a stop closed the queue meanwhile. */
    synchronized PendingEvent next() {
        if (state != State.READY) {
            return null;
        }
        state = State.SENDING;
        return events.peekFirst();
    }

    /** The oldest event not yet delivered, or null. */
    synchronized PendingEvent head() {
        return events.peekFirst();
    }

    /** The head was delivered or given up: the next one is ready, or the queue is done. */
    synchronized Finished finished() {
        if (state == State.CLOSED) {
            return Finished.IGNORED;
        }
        events.pollFirst();
        spoolCurrent = false;
        if (events.isEmpty()) {
            state = State.CLOSED;
            return spooled ? Finished.DRAINED_SPOOLED : Finished.DRAINED;
        }
        state = State.READY;
        return spooled ? spoolStale(Finished.NEXT_SPOOL_STALE, Finished.NEXT) : Finished.NEXT;
    }

    /** The head waits: it failed, or its event_url is down. False when a stop closed the queue meanwhile. */
    synchronized boolean backOff() {
        if (state == State.CLOSED) {
            return false;
        }
        state = State.BACKOFF;
        return true;
    }

    /** The wait is over; false when a stop closed the queue meanwhile. */
    synchronized boolean retryDue() {
        if (state != State.BACKOFF) {
            return false;
        }
        state = State.READY;
        return true;
    }

    /**
     * The events to write to this conversation's spool file, marking it spooled; null when
     * the queue is closed (its events were delivered, or a stop spooled them).
     */
    synchronized List<PendingEvent> spoolSnapshot() {
        spoolWriteQueued = false;
        if (state == State.CLOSED) {
            return null;
        }
        spooled = true;
        spoolCurrent = true;
        return List.copyOf(events);
    }

    /**
     * True when the conversation should go to the spool now, for the first time: the
     * caller then queues the write. Once spooled, changes rewrite it ({@code *_SPOOL_STALE}).
     */
    synchronized boolean startSpooling() {
        if (spooled || spoolWriteQueued || state == State.CLOSED) {
            return false;
        }
        spoolWriteQueued = true;
        return true;
    }

    /** True when a spool file holds this conversation, which the queue then owns and rewrites whole. */
    synchronized boolean spooled() {
        return spooled;
    }

    /** True when the spool file holds exactly the queue's events. */
    synchronized boolean spoolCurrent() {
        return spooled && spoolCurrent;
    }

    /** Closes the queue for a stop and hands over its events, in order. */
    synchronized List<PendingEvent> close() {
        state = State.CLOSED;
        List<PendingEvent> left = List.copyOf(events);
        events.clear();
        return left;
    }

    private <T> T spoolStale(T stale, T fresh) {
        if (spoolWriteQueued) {
            return fresh;
        }
        spoolWriteQueued = true;
        return stale;
    }
}
