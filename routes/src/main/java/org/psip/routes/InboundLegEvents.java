package org.psip.routes;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.psip.api.Application;
import org.psip.api.DomainDirectory;
import org.psip.routes.events.CallEvent;
import org.psip.routes.events.CallEvents;

/**
 * Tells the application when its call is refused, with the SIP code and the Reason:
 * only once the call has an application and a uuid, and only for a final refusal (a
 * 401 is a challenge the caller answers). The call events publisher is looked up per
 * call, like a plugin; without one nothing is reported.
 */
final class InboundLegEvents {

    private InboundLegEvents() {
    }

    static void refused(Exchange exchange, int code, String reason, CallEvent.Status status) {
        if (code < 400 || code == 401) {
            return;
        }
        Message message = exchange.getMessage();
        String applicationId = message.getHeader(PsipHeaders.APPLICATION_ID, String.class);
        String uuid = message.getHeader(PsipHeaders.CALL_UUID, String.class);
        if (applicationId == null || uuid == null) {
            return;
        }
        CallEvents events = Plugins.find(exchange, CallEvents.class);
        DomainDirectory directory = events == null ? null : Plugins.find(exchange, DomainDirectory.class);
        Application application = directory == null ? null : directory.application(applicationId).orElse(null);
        if (application == null || application.eventUrl() == null) {
            return;
        }
        events.publish(application, new CallEvent(status, uuid,
                message.getHeader(PsipHeaders.CONVERSATION_UUID, String.class), AnswerRequest.caller(message),
                AnswerRequest.callee(message), CallEvent.Direction.INBOUND, Instant.now(), code, reason, null));
    }
}
