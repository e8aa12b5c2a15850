package org.psip.sip;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each new INVITE to the consumer of an address. When a consumer leaves (its
 * route is being reloaded or replaced), the INVITEs that arrive before the next one
 * comes wait for it, for up to the handover timeout, instead of being refused: a route
 * swap under load loses no call. An address that never had a consumer, or whose
 * consumer did not come back in time, answers 480.
 */
final class InviteHandover {

    private static final Logger LOG = LoggerFactory.getLogger(InviteHandover.class);
    /** Waiting INVITEs each hold a transaction already; past this many the caller is told at once. */
    private static final int MAX_WAITING = 10_000;

    private final String address;
    private final ScheduledExecutorService timers;
    private final Object lock = new Object();
    private final ArrayDeque<SipServerCall> waiting = new ArrayDeque<>();
    private volatile SipService.InviteHandler handler;
    /** System.nanoTime() until which INVITEs wait for a consumer; 0 when none is expected. */
    private long waitUntil;

    InviteHandover(String address, ScheduledExecutorService timers) {
        this.address = address;
        this.timers = timers;
    }

    SipService.InviteHandler handler() {
        return handler;
    }

    /** The consumer's INVITE goes straight to it; with none, it waits or is answered 480. */
    void offer(SipServerCall call) {
        SipService.InviteHandler current = handler;
        if (current == null) {
            current = holdOrRefuse(call);
        }
        if (current != null) {
            current.onInvite(call);
        }
    }

    /** A consumer takes over: it gets the INVITEs that waited for it, on this thread. */
    void attach(SipService.InviteHandler consumer) {
        List<SipServerCall> handedOver;
        synchronized (lock) {
            handler = consumer;
            waitUntil = 0;
            handedOver = new ArrayList<>(waiting);
            waiting.clear();
        }
        if (!handedOver.isEmpty()) {
            LOG.info("{}: {} INVITEs that waited for the route handed over to it", address, handedOver.size());
        }
        for (SipServerCall call : handedOver) {
            if (call.isPending()) {
                consumer.onInvite(call);
            }
        }
    }

    /** The consumer leaves: INVITEs wait for the next one from now on, up to timeoutMillis. */
    void detach(SipService.InviteHandler consumer, long timeoutMillis) {
        synchronized (lock) {
            if (handler != consumer) {
                return; // it left already, or another took over
            }
            handler = null;
            waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        }
        timers.schedule(() -> refuseExpired(timeoutMillis), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The stack stops: whatever still waits is answered now. */
    void close() {
        synchronized (lock) {
            waitUntil = 0;
        }
        refuseWaiting("SIP service on " + address + " stopped");
    }

    /** The handler to deliver to at once (a consumer came in the meantime), or null when held or refused. */
    private SipService.InviteHandler holdOrRefuse(SipServerCall call) {
        synchronized (lock) {
            if (handler != null) {
                return handler;
            }
            if (waitUntil != 0 && System.nanoTime() - waitUntil < 0 && waiting.size() < MAX_WAITING) {
                waiting.add(call);
                return null;
            }
        }
        call.answer(Response.TEMPORARILY_UNAVAILABLE, null, "not taking calls on " + address, null, null, null);
        return null;
    }

    private void refuseExpired(long timeoutMillis) {
        synchronized (lock) {
            if (handler != null || waitUntil != 0 && System.nanoTime() - waitUntil < 0) {
                return; // taken over, or a later detach set a later deadline with its own timer
            }
            waitUntil = 0;
        }
        refuseWaiting("no route took the calls on " + address + " over within " + timeoutMillis + " ms");
    }

    private void refuseWaiting(String reason) {
        List<SipServerCall> refused;
        synchronized (lock) {
            refused = new ArrayList<>(waiting);
            waiting.clear();
        }
        if (!refused.isEmpty()) {
            LOG.warn("{}: {} waiting INVITEs answered 480: {}", address, refused.size(), reason);
        }
        for (SipServerCall call : refused) {
            call.answer(Response.TEMPORARILY_UNAVAILABLE, null, reason, null, null, null);
        }
    }
}
