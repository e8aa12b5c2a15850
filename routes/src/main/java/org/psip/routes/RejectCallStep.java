package org.psip.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.psip.sip.SipConstants;

/**
 * Step {@code rejectCall}: ends the call with the answer a user's route chose, set
 * before it in {@code CamelSipResponseCode} (300-699) and {@code CamelSipReasonText}.
 * Like every refusal of psip's own steps, the caller gets a Reason header and the
 * {@code psip.calls} log a line. A code out of range is the route's mistake: 500,
 * and the Reason says so.
 */
public class RejectCallStep implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Integer code = message.getHeader(SipConstants.RESPONSE_CODE, Integer.class);
        if (code == null || code < 300 || code > 699) {
            Rejection.reject(exchange, 500, "rejectCall needs " + SipConstants.RESPONSE_CODE
                    + " between 300 and 699, not " + code);
            return;
        }
        String reason = message.getHeader(SipConstants.REASON_TEXT, String.class);
        Rejection.reject(exchange, code, reason != null && !reason.isBlank() ? reason : "rejected by the call flow");
    }
}
