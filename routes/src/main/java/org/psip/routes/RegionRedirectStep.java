package org.psip.routes;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Step {@code redirectToRegion}: a call for another region gets 302 to that region's gateway. */
public class RegionRedirectStep implements Processor {

    @Override
    public void process(Exchange exchange) {
        String region = exchange.getMessage().getHeader(PsipHeaders.REGION, String.class);
        String gateway = exchange.getMessage().getHeader(PsipHeaders.REGION_GATEWAY, String.class);
        Rejection.reject(exchange, 302, "region " + region + " is served by " + gateway,
                Map.of("Contact", "<" + gateway + ">"));
    }
}
