package org.psip.sip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A received INVITE, from the consumer's point of view: the route answers it once
 * (provisional responses first if it likes), and learns when the caller cancels it.
 *
 * <p>Exactly one final response is ever sent, whichever comes first of the route's
 * answer, the route timeout and the caller's CANCEL; the others are dropped. Responses
 * leave in order: no provisional one after the final one, even when a timer, the route
 * and the caller's CANCEL race on different threads.
 */
public final class SipServerCall {

    private static final Logger LOG = LoggerFactory.getLogger(SipServerCall.class);

    private static final int PENDING = 0;
    private static final int ANSWERED = 1;
    private static final int CANCELLED = 2;

    private final SipService service;
    private final ServerTransaction transaction;
    private final Request request;
    private final String transport;
    private final String localTag;
    private final AtomicInteger state = new AtomicInteger(PENDING);
    private volatile int finalCode;
    private final List<Runnable> cancelListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> byeListeners = new CopyOnWriteArrayList<>();
    private volatile Future<?> routeTimeout;
    private volatile SipBridge bridge;

    SipServerCall(SipService service, ServerTransaction transaction, String transport) {
        this.service = service;
        this.transaction = transaction;
        this.request = transaction.getRequest();
        this.transport = transport;
        this.localTag = SipService.newTag();
    }

    /** The INVITE as received. */
    public Request request() {
        return request;
    }

    /** The host:port this call was received on. */
    public String localAddress() {
        return service.configuration().address();
    }

    /** UDP or TCP. */
    public String transport() {
        return transport;
    }

    /** The dialog this INVITE creates (early after a provisional with a tag, confirmed after 2xx). */
    public Dialog dialog() {
        return transaction.getDialog();
    }

    public boolean isPending() {
        return state.get() == PENDING;
    }

    public boolean isAnswered() {
        return state.get() == ANSWERED;
    }

    /** True once the caller's CANCEL ended the INVITE (it got 487). */
    public boolean isCancelled() {
        return state.get() == CANCELLED;
    }

    /** The final response code sent, or 0 while none was. */
    public int finalCode() {
        return finalCode;
    }

    /**
     * Sends a provisional response (100-199) if no final one was sent yet.
     *
     * @return false when the call was already answered or cancelled
     */
    public boolean sendProvisional(int code, String reasonPhrase, Map<String, ?> headers, Object body,
                                   String contentType) {
        if (code < 100 || code > 199) {
            throw new IllegalArgumentException("not a provisional response code: " + code);
        }
        Response response;
        try {
            response = service.createResponse(request, code, reasonPhrase, localTag, null, headers, body,
                    contentType, transport);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: provisional {} not sent: {}", this, code, e.getMessage());
            return false;
        }
        // under the same lock as the final response: a provisional never leaves after it
        synchronized (this) {
            return isPending() && service.send(transaction, response);
        }
    }

    /**
     * Sends the final response (200-699) unless one was sent or the caller cancelled.
     *
     * @param reasonText readable text for a Reason header, or null for none
     * @return false when the call was already answered or cancelled
     */
    public boolean answer(int code, String reasonPhrase, String reasonText, Map<String, ?> headers, Object body,
                          String contentType) {
        if (code < 200 || code > 699) {
            throw new IllegalArgumentException("not a final response code: " + code);
        }
        if (!isPending()) {
            return false;
        }
        Response response;
        try {
            response = service.createResponse(request, code, reasonPhrase, localTag, reasonText, headers, body,
                    contentType, transport);
        } catch (RuntimeException e) {
            response = service.fallbackResponse(request, localTag, e);
        }
        synchronized (this) {
            if (!state.compareAndSet(PENDING, ANSWERED)) {
                return false;
            }
            finalCode = response.getStatusCode();
            return service.send(transaction, response);
        }
    }

    /** Runs the listener when the caller cancels the INVITE before a final response. */
    public void onCancel(Runnable listener) {
        cancelListeners.add(listener);
        if (isCancelled()) {
            listener.run();
        }
    }

    /** Runs the listener when the caller hangs up the established call with BYE. */
    public void onBye(Runnable listener) {
        byeListeners.add(listener);
    }

    /** The caller's CANCEL: 487 on the INVITE unless it was answered already. */
    boolean cancelByCaller() {
        Response terminated = service.createResponse(request, Response.REQUEST_TERMINATED, null, localTag,
                null, null, null, null, transport);
        synchronized (this) {
            if (!state.compareAndSet(PENDING, CANCELLED)) {
                return false;
            }
            finalCode = Response.REQUEST_TERMINATED;
            service.send(transaction, terminated);
        }
        SipService.runAll(cancelListeners, "cancel", LOG);
        return true;
    }

    /** Ends the answered call from psip's side. Completes with the BYE's final response. */
    public CompletableFuture<SipResponse> bye() {
        return service.sendInDialog(transaction.getDialog(), Request.BYE, null, null);
    }

    /** The bridge this call is part of, or null. */
    public SipBridge bridge() {
        return bridge;
    }

    void bridgedBy(SipBridge bridge) {
        this.bridge = bridge;
        // a bridged call waits on its outbound leg, which keeps its own ring timeout
        Future<?> timeout = routeTimeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    void guardedBy(Future<?> routeTimeout) {
        this.routeTimeout = routeTimeout;
    }

    SipService service() {
        return service;
    }

    void byeFromCaller() {
        SipService.runAll(byeListeners, "bye", LOG);
    }

    @Override
    public String toString() {
        return "SipServerCall[" + request.getHeader("Call-ID") + "]";
    }
}
