package org.psip.sip;

import java.text.ParseException;
import java.util.Locale;

import gov.nist.javax.sip.SIPConstants;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every response on the path the request came by, before the stack allocates
 * anything for the request, and spares the stack a search for responses no transaction
 * waits for. Installed as {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}.
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

    private SIPTransactionStack stack;

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

    /**
     * A response no transaction waits for (a 2xx the callee repeats because our ACK was late,
     * or a late answer to a transaction already gone) is handled here: JAIN-SIP would first
     * compare it with every client transaction it holds, thousands under load, each
     * comparison lower-casing two branches, only to find none, since an RFC 3261 branch is
     * the very key it had already looked up. What JAIN-SIP does next is done here too: a
     * repeated 2xx to an INVITE whose ACK went out gets that ACK again (RFC 3261 13.2.2.4);
     * anything else goes nowhere, as psip's listener ignores responses without a transaction.
     */
    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        SIPResponse sipResponse = (SIPResponse) response;
        String key = sipResponse.getTransactionId();
        if (stack == null || key == null || !key.startsWith(SIPConstants.BRANCH_MAGIC_COOKIE_LOWER_CASE)
                || stack.findTransaction(key, false) != null) {
            return true;
        }
        if (sipResponse.getStatusCode() / 100 == 2) {
            resendAck(sipResponse);
        }
        return false;
    }

    private void resendAck(SIPResponse response) {
        SIPDialog dialog = stack.getDialog(response.getDialogId(false));
        if (dialog == null || dialog.getState() == DialogState.TERMINATED || !dialog.isAckSent()
                || !dialog.isLastAckPresent() || !response.getCSeq().getMethod().equals(dialog.getMethod())
                || dialog.getLastAckSentCSeq().getSeqNumber() != response.getCSeq().getSeqNumber()) {
            return;
        }
        try {
            dialog.resendAck();
        } catch (SipException e) {
            LOG.debug("cannot send the ACK again for {}: {}", response.getCallId().getCallId(), e.getMessage());
        }
    }

    @Override
    public void init(SipStack stack) {
        this.stack = (SIPTransactionStack) stack;
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
