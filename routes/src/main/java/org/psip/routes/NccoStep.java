package org.psip.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.psip.routes.ncco.InvalidNccoException;
import org.psip.routes.ncco.Ncco;
import org.psip.routes.ncco.NccoParser;

/**
 * Step {@code parseNcco}: the answer_url's body as a typed, validated NCCO in
 * {@link PsipHeaders#NCCO}. An NCCO that is not valid gets 500 with a Reason naming
 * its first problem, so the application's developer sees what to fix.
 */
public class NccoStep implements Processor {

    private final NccoParser parser = new NccoParser();

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String text = message.getBody(String.class);
        try {
            Ncco ncco = parser.parse(text == null ? "" : text);
            message.setHeader(PsipHeaders.NCCO, ncco);
        } catch (InvalidNccoException e) {
            Rejection.reject(exchange, 500, "invalid NCCO from "
                    + message.getHeader(PsipHeaders.NCCO_SOURCE, "the application", String.class) + ": "
                    + e.getMessage());
        }
    }
}
