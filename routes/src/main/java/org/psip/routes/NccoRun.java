package org.psip.routes;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.psip.api.Application;
import org.psip.api.Region;
import org.psip.routes.events.CallEvent.Status;
import org.psip.routes.events.CallEvents;
import org.psip.routes.events.NotifyAnswer;
import org.psip.routes.events.NotifyRequest;
import org.psip.routes.ncco.ConnectAction;
import org.psip.routes.ncco.Ncco;
import org.psip.routes.ncco.NccoAction;
import org.psip.routes.ncco.NotifyAction;
import org.psip.sip.SipBridge;
import org.psip.sip.SipConstants;
import org.psip.sip.SipServerCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's NCCO, carried out action by action. A {@code connect} tries its endpoints
 * in turn until one answers (the bridge then owns the call); when an endpoint fails
 * the run goes on with the next endpoint, then the next action. An action only a media
 * server can run hands the call to the region's media server, or ends it with 488. A
 * {@code notify} waits for the application's answer: an NCCO in it replaces the rest of
 * the running one.
 * When nothing answered, the caller gets the last failure's code.
 */
final class NccoRun {

    private static final Logger LOG = LoggerFactory.getLogger("psip.calls");
    /**
     * Notifies one call may send: an answer may bring an NCCO that notifies again, and once a
     * leg was tried no route timeout bounds the run, so a loop must end somewhere.
     */
    static final int MAX_NOTIFIES = 20;

    private final Exchange exchange;
    private final AsyncCallback callback;
    private final Bridges bridges;
    private List<NccoAction> actions;
    /** Where the running NCCO came from, for a media server that carries it on. */
    private String nccoSource;
    private final Application application;
    private final Region region;
    private final LegEvents.Inbound inbound;
    private int actionIndex;
    private int endpointIndex;
    private int notifiesSent;
    private int failureCode = 480;
    private String failureReason = "the NCCO connected the call nowhere";
    private Status failureStatus = Status.FAILED;

    NccoRun(Exchange exchange, AsyncCallback callback, Bridges bridges, List<NccoAction> actions,
            Application application, Region region, LegEvents.Inbound inbound) {
        this.exchange = exchange;
        this.callback = callback;
        this.bridges = bridges;
        this.actions = actions;
        this.application = application;
        this.region = region;
        this.inbound = inbound;
        this.nccoSource = application.answerUrl() != null ? application.answerUrl() : "inline";
    }

    /** Runs from where the last leg left off; every path ends in exactly one callback.done. */
    void next() {
        while (actionIndex < actions.size()) {
            NccoAction action = actions.get(actionIndex);
            if (action instanceof NotifyAction && notifiesSent >= MAX_NOTIFIES) {
                LOG.warn("{}: notify skipped, the call has sent {} already", inbound.uuid(), MAX_NOTIFIES);
                actionIndex++;
            } else if (action instanceof NotifyAction notify) {
                notifiesSent++;
                sendNotify(notify);
                return;
            } else if (action instanceof ConnectAction connect && endpointIndex < connect.endpoints().size()) {
                if (tryEndpoint(connect)) {
                    return;
                }
            } else if (action instanceof ConnectAction) {
                actionIndex++;
                endpointIndex = 0;
            } else {
                handToMediaServer(action.describe());
                return;
            }
        }
        fail(failureCode, failureReason, failureStatus);
    }

    /**
     * Sends the payload on the call events' HTTP client; no thread waits for the answer,
     * which continues the run on that client's I/O thread. The caller has had 100 Trying
     * and keeps waiting: the sip consumer's routeTimeout bounds the wait before a leg is placed.
     */
    private void sendNotify(NotifyAction notify) {
        String url = notify.eventUrl().get(0);
        CallEvents events = inbound.events();
        CompletableFuture<NotifyAnswer> answer = events == null
                ? CompletableFuture.completedFuture(NotifyAnswer.failed("has no sender: no callEvents bean is bound"))
                : events.sendNotify(new NotifyRequest(url, notify.eventMethod(), notify.payload(),
                        application.connectTimeout(), application.readTimeout()));
        answer.whenComplete((reply, failure) -> {
            try {
                onNotifyAnswered(url, reply != null ? reply : NotifyAnswer.failed(String.valueOf(failure)));
            } catch (RuntimeException e) {
                LOG.error("{}: the NCCO cannot go on after notify to {}", inbound.uuid(), url, e);
                fail(500, "internal error after notify (" + e.getClass().getSimpleName() + ")", Status.FAILED);
            }
        });
    }

    private void onNotifyAnswered(String url, NotifyAnswer answer) {
        Ncco replacement = NotifyAnswerReader.replacement(answer, inbound.uuid(), url);
        SipServerCall caller = exchange.getMessage().getHeader(SipConstants.SERVER_CALL, SipServerCall.class);
        if (caller != null && !caller.isPending()) {
            LOG.info("{}: the call ended while notify to {} was waiting for its answer", inbound.uuid(), url);
            if (caller.isCancelled()) {
                inbound.publish(Status.CANCELLED, 487, "the caller cancelled", null);
            }
            done();
            return;
        }
        if (replacement != null) {
            actions = replacement.actions();
            actionIndex = 0;
            nccoSource = url;
        } else {
            actionIndex++;
        }
        endpointIndex = 0;
        next();
    }

    /** True when a leg went out (its outcome continues the run). */
    private boolean tryEndpoint(ConnectAction connect) {
        try {
            OutboundLeg leg = OutboundLeg.to(connect.endpoints().get(endpointIndex++), connect, region);
            if (leg == null) {
                handToMediaServer(connect.describe());
                return true;
            }
            place(leg, eventTarget(connect));
            return true;
        } catch (OutboundLeg.Unreachable unreachable) {
            LOG.info("{}: {}", inbound.uuid(), unreachable.getMessage());
            remember(unreachable.code(), unreachable.getMessage(), Status.FAILED);
            return false;
        }
    }

    private void handToMediaServer(String action) {
        try {
            place(OutboundLeg.toMediaServer(region, action, actionIndex, inbound.uuid(), inbound.conversationUuid(),
                    application.id(), nccoSource), application);
        } catch (OutboundLeg.Unreachable unreachable) {
            fail(unreachable.code(), unreachable.getMessage(), Status.FAILED);
        }
    }

    private void place(OutboundLeg leg, Application eventTarget) {
        LegEvents events = new LegEvents(inbound, eventTarget,
                leg.fromUser() != null ? leg.fromUser() : inbound.from(), leg.to());
        events.started();
        try {
            bridges.place(exchange, leg, events, invite -> onLegDone(invite, leg));
        } catch (Exception e) {
            LOG.warn("{}: cannot call {}", inbound.uuid(), leg.requestUri(), e);
            remember(502, "cannot call " + leg.requestUri(), Status.FAILED);
            next();
        }
    }

    private void onLegDone(Exchange invite, OutboundLeg leg) {
        Message result = invite.getMessage();
        SipBridge bridge = result.getHeader(SipConstants.BRIDGE, SipBridge.class);
        Integer code = result.getHeader(SipConstants.RESPONSE_CODE, Integer.class);
        if (invite.getException() != null || bridge == null || code == null) {
            LOG.warn("{}: cannot call {}", inbound.uuid(), leg.requestUri(), invite.getException());
            remember(502, "cannot call " + leg.requestUri(), Status.FAILED);
            next();
            return;
        }
        if (code < 300) {
            done(); // the bridge answered the caller and owns the call from here
            return;
        }
        if (bridge.isCallerCancelled()) {
            inbound.publish(Status.CANCELLED, 487, "the caller cancelled", null);
            done();
            return;
        }
        int answer = bridge.isRingTimedOut() ? 408 : code;
        String reason = bridge.isRingTimedOut() ? "no answer from " + leg.to() + " in time"
                : leg.to() + " answered " + code + " " + result.getHeader(SipConstants.REASON_PHRASE, "", String.class);
        remember(answer, reason.trim(), LegEvents.failure(bridge, code));
        if (leg.answersTheCall()) {
            fail(failureCode, failureReason, failureStatus);
        } else {
            next();
        }
    }

    private void remember(int code, String reason, Status status) {
        failureCode = code;
        failureReason = reason;
        failureStatus = status;
    }

    private void fail(int code, String reason, Status status) {
        Rejection.reject(exchange, code, reason, status);
        done();
    }

    private void done() {
        callback.done(false);
    }

    /** The connect action's own eventUrl, when it has one, hears about its legs. */
    private Application eventTarget(ConnectAction connect) {
        if (connect.eventUrl().isEmpty()) {
            return application;
        }
        return new Application(application.id(), application.answerUrl(), application.answerMethod(),
                application.fallbackAnswerUrl(), connect.eventUrl().get(0), connect.eventMethod(),
                application.connectTimeout(), application.readTimeout(), application.ncco());
    }
}
