package org.psip.routes;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.psip.routes.events.CallEvent;
import org.psip.sip.SipConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a step refuses a call: the final response with a Reason (RFC 3326) for the
 * caller, one log line saying why, an event to the application's event_url once the
 * application is known, and the end of the route.
 */
public final class Rejection {

    private static final Logger LOG = LoggerFactory.getLogger("psip.calls");

    private Rejection() {
    }

    public static void reject(Exchange exchange, int code, String reason) {
        reject(exchange, code, reason, (Map<String, ?>) null);
    }

    /**
     * Refuses the call; event_url hears {@code rejected} for a 403 and {@code failed} for
     * any other final code (a 401 challenge is not the end of the call: no event).
     *
     * @param headers extra response headers (WWW-Authenticate, Retry-After, Contact), or null
     */
    public static void reject(Exchange exchange, int code, String reason, Map<String, ?> headers) {
        answer(exchange, code, reason, headers);
        InboundLegEvents.refused(exchange, code, reason, code == 403 ? CallEvent.Status.REJECTED
                : CallEvent.Status.FAILED);
    }

    /**
     * Refuses the call, and event_url hears this status: call control knows better than the
     * code alone why a call ends unanswered ({@code busy}, {@code timeout}…).
     */
    public static void reject(Exchange exchange, int code, String reason, CallEvent.Status status) {
        answer(exchange, code, reason, null);
        InboundLegEvents.refused(exchange, code, reason, status);
    }

    /**
     * Passes on another gateway's answer to the caller, and reports nothing: the gateway
     * that gave the answer runs the call's flow and reports it to event_url itself.
     */
    public static void relay(Exchange exchange, int code, String reason, Map<String, ?> headers) {
        answer(exchange, code, reason, headers);
    }

    private static void answer(Exchange exchange, int code, String reason, Map<String, ?> headers) {
        Message message = exchange.getMessage();
        message.setHeader(SipConstants.RESPONSE_CODE, code);
        message.setHeader(SipConstants.REASON_TEXT, reason);
        if (headers != null) {
            message.setHeader(SipConstants.RESPONSE_HEADERS, headers);
        }
        if (code >= 400 && code != 401 || LOG.isDebugEnabled()) {
            // a 401 is the normal first half of every authenticated call: not worth a line each
            LOG.info("{} {} from {}:{} -> {}: {} {}", message.getHeader(SipConstants.CALL_ID),
                    message.getHeader(SipConstants.FROM_URI), message.getHeader(SipConstants.SOURCE_ADDRESS),
                    message.getHeader(SipConstants.SOURCE_PORT), message.getHeader(SipConstants.REQUEST_URI), code,
                    reason);
        }
        exchange.setRouteStop(true);
    }
}
