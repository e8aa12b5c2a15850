package org.psip.sip;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbound INVITE leg placed by the producer: its provisional responses as they
 * come, its final response, and the ACK, CANCEL and BYE that go with it.
 */
public final class SipClientCall implements ResponseHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SipClientCall.class);

    private final SipService service;
    private final ClientTransaction transaction;
    private final CompletableFuture<SipResponse> finalResponse = new CompletableFuture<>();
    private final List<SipResponse> provisionalResponses = new CopyOnWriteArrayList<>();
    private final Consumer<SipResponse> provisionalListener;
    private volatile Response finalRaw;
    private volatile boolean provisionalReceived;
    private volatile boolean cancelRequested;
    private volatile boolean cancelSent;
    private final List<Runnable> byeListeners = new CopyOnWriteArrayList<>();
    private volatile boolean ringTimedOut;
    private volatile SipBridge bridge;

    SipClientCall(SipService service, ClientTransaction transaction, Consumer<SipResponse> provisionalListener) {
        this.service = service;
        this.transaction = transaction;
        this.provisionalListener = provisionalListener;
    }

    /** The INVITE as sent. */
    public Request request() {
        return transaction.getRequest();
    }

    public Dialog dialog() {
        return transaction.getDialog();
    }

    /** Completes with the final response; a leg that got none in time completes with 408. */
    public CompletableFuture<SipResponse> finalResponse() {
        return finalResponse;
    }

    /** The provisional responses received so far, in order. */
    public List<SipResponse> provisionalResponses() {
        return List.copyOf(provisionalResponses);
    }

    /** ACKs a 2xx final response (a non-2xx is ACKed by the transaction layer). */
    public void ack() throws SipException {
        ack(null, null);
    }

    /**
     * ACKs a 2xx final response with a body: the SDP answer when the INVITE carried no offer.
     *
     * @param contentType the body's type; null for application/sdp
     */
    public void ack(Object body, String contentType) throws SipException {
        Response response = finalRaw;
        if (response == null || response.getStatusCode() / 100 != 2) {
            throw new SipException("no 2xx response to ACK on " + this);
        }
        service.ackInDialog(transaction.getDialog(),
                ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber(), body, contentType);
    }

    /** True once any response (100 Trying included) came. */
    boolean hasProvisionalResponse() {
        return provisionalReceived;
    }

    /** Gives up on a leg that never answered anything: 408, and the transaction is dropped. */
    void abandon(String reason) {
        if (finalRaw == null && !provisionalReceived) {
            try {
                transaction.terminate();
            } catch (Exception e) {
                LOG.debug("cannot terminate {}: {}", this, e.getMessage());
            }
            finalResponse.complete(SipService.syntheticResponse(Response.REQUEST_TIMEOUT, reason));
        }
    }

    /** True when psip cancelled this leg because it rang past its ring timeout. */
    public boolean isRingTimedOut() {
        return ringTimedOut;
    }

    void ringTimedOut() {
        ringTimedOut = true;
    }

    /** The bridge this leg is part of, or null. */
    public SipBridge bridge() {
        return bridge;
    }

    void bridgedBy(SipBridge bridge) {
        this.bridge = bridge;
    }

    /**
     * Cancels the INVITE if no final response came yet. RFC 3261 9.1 forbids a CANCEL
     * before any provisional response, so one asked for earlier goes out with the first.
     */
    public void cancel() {
        if (finalRaw != null) {
            return;
        }
        cancelRequested = true;
        if (provisionalReceived) {
            sendCancel();
        }
    }

    /** Ends the established call. Completes with the BYE's final response. */
    public CompletableFuture<SipResponse> bye() {
        return service.sendInDialog(transaction.getDialog(), Request.BYE, null, null);
    }

    /** Runs the listener when the far end hangs up with BYE. */
    public void onBye(Runnable listener) {
        byeListeners.add(listener);
    }

    void byeFromCallee() {
        SipService.runAll(byeListeners, "bye", LOG);
    }

    @Override
    public void onResponse(Response response) {
        int code = response.getStatusCode();
        SipResponse received = SipService.toSipResponse(response);
        if (code < 200) {
            provisionalResponses.add(received);
            provisionalReceived = true;
            if (provisionalListener != null) {
                try {
                    provisionalListener.accept(received);
                } catch (RuntimeException e) {
                    LOG.warn("provisional response listener of {} failed", this, e);
                }
            }
            if (cancelRequested) {
                sendCancel();
            }
            return;
        }
        finalRaw = response;
        finalResponse.complete(received);
    }

    @Override
    public void onNoResponse(int code, String reason) {
        if (finalRaw == null) {
            finalResponse.complete(SipService.syntheticResponse(code, reason));
        }
    }

    private synchronized void sendCancel() {
        if (cancelSent || finalRaw != null) {
            return;
        }
        cancelSent = true;
        try {
            service.sendCancel(transaction);
        } catch (SipException e) {
            LOG.warn("cannot CANCEL {}: {}", this, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SipClientCall[" + transaction.getRequest().getHeader("Call-ID") + "]";
    }
}
