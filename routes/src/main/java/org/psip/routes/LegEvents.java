package org.psip.routes;

import java.time.Instant;

import org.psip.api.Application;
import org.psip.routes.events.CallEvent;
import org.psip.routes.events.CallEvent.Direction;
import org.psip.routes.events.CallEvent.Status;
import org.psip.routes.events.CallEvents;
import org.psip.sip.SipBridge;
import org.psip.sip.SipResponse;

/**
 * Reports one bridged leg, and the inbound call it is joined to, to event_url:
 * {@code ringing}, {@code answered}, {@code completed} with its duration, or the
 * failure that ended it unanswered.
 */
final class LegEvents implements SipBridge.Listener {

    /** The inbound call's side of the reports. */
    record Inbound(CallEvents events, Application application, String uuid, String conversationUuid, String from,
                   String to) {

        void publish(Status status, Integer sipCode, String detail, Long seconds) {
            if (events != null) {
                events.publish(application, new CallEvent(status, uuid, conversationUuid, from, to,
                        Direction.INBOUND, Instant.now(), sipCode, detail, seconds));
            }
        }
    }

    private final Inbound inbound;
    private final Application application;
    private final String uuid;
    private final String from;
    private final String to;

    /**
     * @param application the application whose event_url hears about this leg (the connect action's own
     *                    eventUrl when it has one)
     */
    LegEvents(Inbound inbound, Application application, String from, String to) {
        this.inbound = inbound;
        this.application = application;
        this.uuid = CallIds.newUuid();
        this.from = from;
        this.to = to;
    }

    void started() {
        publish(Status.STARTED, null, null, null);
    }

    @Override
    public void onRinging(SipBridge bridge, SipResponse provisional) {
        publish(Status.RINGING, null, null, null);
    }

    @Override
    public void onAnswered(SipBridge bridge, SipResponse answer) {
        publish(Status.ANSWERED, null, null, null);
        inbound.publish(Status.ANSWERED, null, null, null);
    }

    @Override
    public void onUnanswered(SipBridge bridge, SipResponse answer) {
        publish(failure(bridge, answer.code()), answer.code(), answer.reason(), null);
    }

    @Override
    public void onEnded(SipBridge bridge, SipBridge.Side endedBy, String reason, long seconds) {
        publish(Status.COMPLETED, null, reason, seconds);
        inbound.publish(Status.COMPLETED, null, reason, seconds);
    }

    /** What an unanswered leg's final response means, in event_url's words. */
    static Status failure(SipBridge bridge, int code) {
        if (bridge != null && bridge.isCallerCancelled()) {
            return Status.CANCELLED;
        }
        if (bridge != null && bridge.isRingTimedOut()) {
            return Status.TIMEOUT;
        }
        return switch (code) {
            case 486, 600 -> Status.BUSY;
            case 408, 480 -> Status.UNANSWERED;
            default -> code >= 500 && code < 600 ? Status.FAILED : Status.REJECTED;
        };
    }

    private void publish(Status status, Integer sipCode, String detail, Long seconds) {
        if (inbound.events() != null) {
            inbound.events().publish(application, new CallEvent(status, uuid, inbound.conversationUuid(), from, to,
                    Direction.OUTBOUND, Instant.now(), sipCode, detail, seconds));
        }
    }
}
