package org.psip.routes;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.psip.api.AccessControl;
import org.psip.api.Admission;
import org.psip.sip.SipConstants;

/** Step {@code accessControl}: the packet's source must be in the callee's ACL, else 403. */
public class AccessControlStep implements Processor {

    @Override
    public void process(Exchange exchange) {
        AccessControl accessControl = Plugins.require(exchange, AccessControl.class);
        if (accessControl == null) {
            return;
        }
        Admission admission = exchange.getMessage().getHeader(PsipHeaders.ADMISSION, Admission.class);
        InetAddress source = source(exchange);
        AccessControl.Decision decision = accessControl.check(source, admission.acl());
        if (!decision.allowed()) {
            Rejection.reject(exchange, 403, decision.reason());
        }
    }

    /** The source is an address literal the SIP stack read off the packet: parsing it never resolves a name. */
    static InetAddress source(Exchange exchange) {
        String address = exchange.getMessage().getHeader(SipConstants.SOURCE_ADDRESS, String.class);
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address literal: " + address, e);
        }
    }
}
