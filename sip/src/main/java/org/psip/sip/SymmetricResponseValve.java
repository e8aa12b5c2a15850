package org.psip.sip;

import java.text.ParseException;
import java.util.Locale;

import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import javax.sip.InvalidArgumentException;
import javax.sip.SipStack;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every response on the path the request came by, before the stack allocates
 * anything for the request. Installed as {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}.
 * <ul>
 * <li>JAIN-SIP answers a UDP request at the top Via's {@code maddr} when it has one
 * (RFC 3261 18.2.2), so a spoofed Via could turn psip into a reflector aimed at a
 * third party: {@code maddr} is stripped. With ALWAYS_ADD_RPORT the rest of the Via
 * then points at the packet's source.</li>
 * <li>JAIN-SIP answers over the transport the Via names, so a request that came over
 * UDP with a Via saying TCP or TLS would get its answer by a new connection, or none:
 * the Via's transport is set to the one the request really used, as a SIP proxy such
 * as Kamailio answers on the socket a request arrived on.</li>
 * <li>A request without Max-Forwards (RFC 2543 clients, RFC 4475 inv2543) would be
 * refused a transaction by JAIN-SIP: it gets the RFC 3261 default of 70.</li>
 * </ul>
 */
public class SymmetricResponseValve implements SIPMessageValve {

    private static final Logger LOG = LoggerFactory.getLogger(SymmetricResponseValve.class);
    private static final int DEFAULT_MAX_FORWARDS = 70;

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        Via via = request.getTopmostVia();
        if (via != null && via.getMAddr() != null) {
            LOG.debug("{} from {}:{}: ignoring Via maddr={}", request.getMethod(), channel.getPeerAddress(),
                    channel.getPeerPort(), via.getMAddr());
            via.removeParameter("maddr");
        }
        if (via != null && !channel.getTransport().equalsIgnoreCase(via.getTransport())) {
            try {
                via.setTransport(channel.getTransport().toUpperCase(Locale.ROOT));
            } catch (ParseException e) {
                LOG.debug("cannot set the Via transport to {}: {}", channel.getTransport(), e.getMessage());
            }
        }
        if (request.getMaxForwards() == null) {
            try {
                request.setHeader(new MaxForwards(DEFAULT_MAX_FORWARDS));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
