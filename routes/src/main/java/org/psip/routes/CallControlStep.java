package org.psip.routes;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.psip.api.Application;
import org.psip.api.DomainDirectory;
import org.psip.api.Region;
import org.psip.routes.events.CallEvent.Status;
import org.psip.routes.events.CallEvents;
import org.psip.routes.ncco.Ncco;

/**
 * Step {@code callControl}: carries the NCCO out in SIP. A {@code connect} to SIP
 * endpoints and phone numbers bridges the call with the {@code sip} producer
 * ({@code operation=bridge}); actions that need media go to the region's media server.
 * Call events go to the application's event_url through the {@code callEvents} bean,
 * when there is one. The step is asynchronous: no thread waits while a leg rings.
 */
public class CallControlStep extends AsyncProcessorSupport implements AsyncProcessor {

    private final Bridges bridges;

    CallControlStep(Bridges bridges) {
        this.bridges = bridges;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            NccoRun run = prepare(exchange, callback);
            if (run == null) {
                callback.done(true);
                return true;
            }
            run.next();
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    /** The run for this call, or null when the call was refused already. */
    private NccoRun prepare(Exchange exchange, AsyncCallback callback) throws Exception {
        DomainDirectory directory = Plugins.require(exchange, DomainDirectory.class);
        if (directory == null) {
            return null;
        }
        Message message = exchange.getMessage();
        Ncco ncco = message.getHeader(PsipHeaders.NCCO, Ncco.class);
        String applicationId = message.getHeader(PsipHeaders.APPLICATION_ID, String.class);
        Application application = directory.application(applicationId).orElse(null);
        if (ncco == null || application == null) {
            Rejection.reject(exchange, 500, ncco == null ? "no NCCO to carry out"
                    : "application " + applicationId + " is not defined");
            return null;
        }
        Region region = directory.settings().region(message.getHeader(PsipHeaders.REGION, String.class))
                .orElse(null);
        LegEvents.Inbound inbound = new LegEvents.Inbound(Plugins.find(exchange, CallEvents.class), application,
                message.getHeader(PsipHeaders.CALL_UUID, String.class),
                message.getHeader(PsipHeaders.CONVERSATION_UUID, String.class),
                AnswerRequest.caller(message), AnswerRequest.callee(message));
        inbound.publish(Status.STARTED, null, null, null);
        return new NccoRun(exchange, callback, bridges, ncco.actions(), application, region,
                inbound);
    }
}
