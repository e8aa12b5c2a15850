package org.psip.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.psip.routes.ncco.Ncco;

/**
 * Step {@code callControl}: carries the NCCO out in SIP. Bridging calls (connect) and
 * handing media actions to a media server are not built yet, so every NCCO ends here
 * with 501 and a Reason naming its first action: the caller, the log and the
 * application's developer all see how far the call got.
 */
public class CallControlStep implements Processor {

    @Override
    public void process(Exchange exchange) {
        Ncco ncco = exchange.getMessage().getHeader(PsipHeaders.NCCO, Ncco.class);
        Rejection.reject(exchange, 501, "NCCO action '" + ncco.actions().get(0).describe()
                + "' is not carried out yet");
    }
}
