package org.psip.routes;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.psip.sip.SipConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a step refuses a call: the final response with a Reason (RFC 3326) for the
 * caller, one log line saying why, and the end of the route.
 */
public final class Rejection {

    private static final Logger LOG = LoggerFactory.getLogger("psip.calls");

    private Rejection() {
    }

    public static void reject(Exchange exchange, int code, String reason) {
        reject(exchange, code, reason, null);
    }

    /** @param headers extra response headers (WWW-Authenticate, Retry-After, Contact), or null */
    public static void reject(Exchange exchange, int code, String reason, Map<String, ?> headers) {
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
