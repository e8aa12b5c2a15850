package org.psip.sip;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inbound call joined back to back with an outbound leg (a B2BUA, signalling only:
 * the SDP passes through unchanged, so media flows between the two ends).
 *
 * <p>The callee's provisional responses are relayed to the caller; its 2xx answers the
 * caller; the caller's ACK, CANCEL and BYE, the callee's BYE, and re-INVITE, UPDATE and
 * INFO from either side are relayed to the other. A failure answer from the callee is
 * NOT relayed: the route learns it from {@link #outcome()} and decides (another
 * endpoint, or that code to the caller). When either side hangs up, or the call reaches
 * its limit, both legs end and nothing of the call stays behind.
 */
public final class SipBridge {

    private static final Logger LOG = LoggerFactory.getLogger(SipBridge.class);

    /** Who ended an answered call. */
    public enum Side {
        CALLER, CALLEE, GATEWAY
    }

    /** What happens to the bridged call, for call events. Called on SIP threads: return quickly. */
    public interface Listener {

        /** The callee's first ringing (180) or session progress (183). */
        default void onRinging(SipBridge bridge, SipResponse provisional) {
        }

        /** The callee answered and the caller got the answer. */
        default void onAnswered(SipBridge bridge, SipResponse answer) {
        }

        /**
         * The callee's leg ended unanswered: its failure response, a synthetic 408 when nothing came,
         * 487 after psip or the caller cancelled it ({@link #isRingTimedOut()}, {@link #isCallerCancelled()}).
         */
        default void onUnanswered(SipBridge bridge, SipResponse answer) {
        }

        /** An answered call ended; {@code seconds} it lasted. */
        default void onEnded(SipBridge bridge, Side endedBy, String reason, long seconds) {
        }
    }

    private final SipService service;
    private final SipServerCall caller;
    private final Listener listener;
    private final long limitMillis;
    private volatile SipClientCall callee;
    private final CompletableFuture<SipResponse> outcome = new CompletableFuture<>();
    private final AtomicBoolean ringing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean callerCancelled;
    private volatile boolean callerAcked;
    private volatile long answeredAt;
    private volatile ScheduledFuture<?> limitTimer;
    /** CSeq of a relayed re-INVITE's 2xx we still owe an ACK, keyed by the side that sent the re-INVITE. */
    private final Map<Side, Long> acksOwed = new ConcurrentHashMap<>(2);

    private SipBridge(SipService service, SipServerCall caller, Listener listener, long limitMillis) {
        this.service = service;
        this.caller = caller;
        this.listener = listener != null ? listener : new Listener() { };
        this.limitMillis = limitMillis;
    }

    /**
     * Places the outbound INVITE and bridges it to the caller.
     *
     * @param limitMillis the answered call's longest duration; 0 for none
     */
    public static SipBridge connect(SipServerCall caller, SipInvite invite, Listener listener, long limitMillis)
            throws SipException {
        SipService service = caller.service();
        SipBridge bridge = new SipBridge(service, caller, listener, limitMillis);
        caller.bridgedBy(bridge);
        caller.onCancel(bridge::onCallerCancel);
        caller.onBye(() -> bridge.end(Side.CALLER, "caller hung up"));
        SipClientCall leg = service.invite(invite, bridge::onProvisional, placed -> {
            bridge.callee = placed;
            placed.bridgedBy(bridge);
            placed.onBye(() -> bridge.end(Side.CALLEE, "callee hung up"));
        });
        service.bridgeOpened();
        leg.finalResponse().whenComplete((answer, failure) -> bridge.onFinal(answer != null ? answer
                : SipService.syntheticResponse(500, "outbound leg failed: " + failure)));
        return bridge;
    }

    public SipServerCall caller() {
        return caller;
    }

    public SipClientCall callee() {
        return callee;
    }

    /** Completes with the callee's final response (relayed to the caller only when 2xx). */
    public CompletableFuture<SipResponse> outcome() {
        return outcome;
    }

    public boolean isCallerCancelled() {
        return callerCancelled;
    }

    public boolean isRingTimedOut() {
        SipClientCall leg = callee;
        return leg != null && leg.isRingTimedOut();
    }

    public boolean isEnded() {
        return ended.get();
    }

    /** Ends an answered call from psip's side: BYE to both legs. */
    public void hangUp(String reason) {
        if (answeredAt == 0 && !ended.get()) {
            SipClientCall leg = callee; // still ringing: the CANCEL ends it, and outcome() tells the route
            if (leg != null) {
                leg.cancel();
            }
            return;
        }
        end(Side.GATEWAY, reason);
    }

    private void onProvisional(SipResponse provisional) {
        if (provisional.code() == 100) {
            return;
        }
        caller.sendProvisional(provisional.code(), provisional.reason(), null, provisional.body(),
                provisional.contentType());
        if (ringing.compareAndSet(false, true)) {
            listener.onRinging(this, provisional);
        }
    }

    private void onCallerCancel() {
        callerCancelled = true;
        SipClientCall leg = callee;
        if (leg != null) {
            leg.cancel();
        }
    }

    private void onFinal(SipResponse answer) {
        if (!answer.isSuccess()) {
            service.bridgeClosed();
            ended.set(true);
            // the listener hears of the leg before the route goes on to what follows from it
            listener.onUnanswered(this, answer);
            outcome.complete(answer);
            return;
        }
        if (!caller.answer(answer.code(), answer.reason(), null, null, answer.body(), answer.contentType())) {
            // the caller cancelled (or was answered otherwise) while the callee picked up
            LOG.info("{} answered after the caller went; hanging it up", callee);
            acknowledgeCallee(null, null);
            callee.bye();
            service.bridgeClosed();
            ended.set(true);
            listener.onUnanswered(this, SipService.syntheticResponse(487, "caller cancelled"));
            outcome.complete(answer);
            return;
        }
        answeredAt = System.nanoTime();
        if (limitMillis > 0) {
            limitTimer = service.timers().schedule(() -> end(Side.GATEWAY, "call limit reached"), limitMillis,
                    TimeUnit.MILLISECONDS);
        }
        outcome.complete(answer);
        listener.onAnswered(this, answer);
    }

    private void end(Side endedBy, String reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> timer = limitTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        if (endedBy != Side.CALLER) {
            caller.bye();
        }
        if (endedBy != Side.CALLEE) {
            if (!callerAcked) {
                acknowledgeCallee(null, null); // a 2xx is ACKed before its dialog may be ended
            }
            callee.bye();
        }
        service.bridgeClosed();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - answeredAt);
        LOG.debug("{} ended by {}: {} after {} s", caller, endedBy, reason, seconds);
        listener.onEnded(this, endedBy, reason, seconds);
    }

    /** A re-INVITE, UPDATE or INFO inside the dialog of one side: sent on to the other, its answer back. */
    void relay(Side from, ServerTransaction transaction) {
        Request request = transaction.getRequest();
        Dialog other = dialogOf(from == Side.CALLER ? Side.CALLEE : Side.CALLER);
        if (other == null || ended.get()) {
            service.respondInDialog(transaction, SipService.syntheticResponse(481, "Call Does Not Exist"));
            return;
        }
        service.sendInDialog(other, request.getMethod(), request.getRawContent(), contentType(request))
                .whenComplete((answer, failure) -> {
                    SipResponse relayed = answer != null ? answer
                            : SipService.syntheticResponse(500, "Relay Failed");
                    if (Request.INVITE.equals(request.getMethod()) && relayed.isSuccess()) {
                        acksOwed.put(from, cseqOf(relayed));
                    }
                    service.respondInDialog(transaction, relayed);
                });
    }

    /** An ACK from one side: for the caller's first, the callee's 2xx is ACKed; else a relayed re-INVITE's. */
    void onAck(Side from, Request ack) {
        if (from == Side.CALLER && !callerAcked && cseqOf(ack) == cseqOf(caller.request())) {
            callerAcked = true;
            acknowledgeCallee(ack.getRawContent(), contentType(ack));
            return;
        }
        Long cseq = acksOwed.remove(from);
        Dialog other = dialogOf(from == Side.CALLER ? Side.CALLEE : Side.CALLER);
        if (cseq != null && other != null) {
            try {
                service.ackInDialog(other, cseq, ack.getRawContent(), contentType(ack));
            } catch (SipException e) {
                LOG.warn("{}: cannot relay the ACK of a re-INVITE: {}", caller, e.getMessage());
            }
        }
    }

    private void acknowledgeCallee(byte[] body, String contentType) {
        try {
            callee.ack(body, contentType);
        } catch (SipException e) {
            LOG.warn("cannot ACK {}: {}", callee, e.getMessage());
        }
    }

    private Dialog dialogOf(Side side) {
        return side == Side.CALLER ? caller.dialog() : callee == null ? null : callee.dialog();
    }

    /** The request's body type as type/subtype, or null without one. */
    static String contentType(Request request) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return type == null ? null : type.getContentType() + "/" + type.getContentSubType();
    }

    private static long cseqOf(Request request) {
        return ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    private static long cseqOf(SipResponse response) {
        String cseq = response.header(CSeqHeader.NAME);
        return Long.parseLong(cseq.trim().split("\\s+")[0]);
    }

    @Override
    public String toString() {
        return "SipBridge[" + caller.request().getHeader("Call-ID") + "]";
    }
}
