package org.psip.sip;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import gov.nist.javax.sip.message.SIPRequest;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each new INVITE into an exchange and answers it with what the route leaves:
 * {@link SipConstants#RESPONSE_CODE} and friends, the body as SDP. A route that fails
 * gets 500 with a Reason; one that does not answer in time gets routeTimeoutCode.
 */
public class SipConsumer extends DefaultConsumer implements SipService.InviteHandler, Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(SipConsumer.class);

    private SipService service;

    public SipConsumer(SipEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SipEndpoint getEndpoint() {
        return (SipEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        service = getEndpoint().acquireService();
        takeCalls();
    }

    /**
     * Camel suspends a consumer it can, rather than stop it, when it stops its route
     * gracefully: the route then finishes the calls in flight (stopping the consumer would
     * stop the route's processors under them) while no new INVITE reaches it.
     */
    @Override
    protected void doSuspend() {
        stopTakingCalls();
    }

    @Override
    protected void doResume() {
        takeCalls();
    }

    @Override
    protected void doStop() throws Exception {
        if (service != null) {
            stopTakingCalls();
            getEndpoint().releaseService(service);
            service = null;
        }
        super.doStop();
    }

    private void takeCalls() {
        if (service.getInviteHandler() != null && service.getInviteHandler() != this) {
            getEndpoint().releaseService(service);
            service = null;
            throw new IllegalStateException("another route already consumes INVITEs on "
                    + getEndpoint().getConfiguration().address());
        }
        service.setInviteHandler(this);
    }

    /** New INVITEs wait for the consumer that takes over (see handoverTimeout). */
    private void stopTakingCalls() {
        service.removeInviteHandler(this, getEndpoint().getConfiguration().getHandoverTimeout());
    }

    @Override
    public void onInvite(SipServerCall call) {
        Exchange exchange = createExchange(false);
        ScheduledFuture<?> timeout = null;
        try {
            describe(call, exchange.getIn());
            long limit = getEndpoint().getConfiguration().getRouteTimeout();
            // the stack's own timer thread: unbounded, so a burst of calls in flight is never refused its
            // timeout, and a cancelled timeout leaves the queue at once (Camel's sized pools do neither)
            timeout = service.timers().schedule(() -> onRouteTimeout(call, limit), limit, TimeUnit.MILLISECONDS);
            call.guardedBy(timeout);
            ScheduledFuture<?> pendingTimeout = timeout;
            getAsyncProcessor().process(exchange, doneSync -> {
                pendingTimeout.cancel(false);
                answer(call, exchange);
                releaseExchange(exchange, doneSync);
            });
        } catch (Throwable e) {
            if (timeout != null) {
                timeout.cancel(false);
            }
            LOG.error("INVITE {}: route could not run", call.request().getRequestURI(), e);
            call.answer(500, null, "internal error (" + e.getClass().getSimpleName() + ")", null, null, null);
            releaseExchange(exchange, false);
        }
    }

    private void onRouteTimeout(SipServerCall call, long limit) {
        int code = getEndpoint().getConfiguration().getRouteTimeoutCode();
        if (call.answer(code, null, "no answer from the call flow within " + limit + " ms", null, null, null)) {
            LOG.warn("INVITE {} from {}: the route gave no answer within {} ms; answered {}",
                    call.request().getRequestURI(), SipService.source(call.request()), limit, code);
        }
    }

    private void answer(SipServerCall call, Exchange exchange) {
        if (!call.isPending()) {
            LOG.debug("{}: route finished after the call was {}", call,
                    call.isCancelled() ? "cancelled" : "answered");
            return;
        }
        Request request = call.request();
        Exception failure = exchange.getException();
        if (failure != null) {
            LOG.warn("INVITE {} from {}: the route failed; answering 500", request.getRequestURI(),
                    SipService.source(request), failure);
            call.answer(500, null, "internal error (" + failure.getClass().getSimpleName() + ")", null, null, null);
            return;
        }
        Message message = exchange.getMessage();
        Integer code = message.getHeader(SipConstants.RESPONSE_CODE, Integer.class);
        if (code == null || code < 200 || code > 699) {
            LOG.warn("INVITE {} from {}: the route ended with no final response code ({}={}); answering 500",
                    request.getRequestURI(), SipService.source(request), SipConstants.RESPONSE_CODE, code);
            call.answer(500, null, "the call flow gave no answer", null, null, null);
            return;
        }
        call.answer(code, message.getHeader(SipConstants.REASON_PHRASE, String.class),
                message.getHeader(SipConstants.REASON_TEXT, String.class),
                message.getHeader(SipConstants.RESPONSE_HEADERS, Map.class),
                code < 300 ? message.getBody() : null,
                message.getHeader(SipConstants.CONTENT_TYPE, String.class));
    }

    /** The request as exchange headers and body (see {@link SipConstants}). */
    static void describe(SipServerCall call, Message in) {
        Request request = call.request();
        in.setHeader(SipConstants.METHOD, request.getMethod());
        URI requestUri = request.getRequestURI();
        in.setHeader(SipConstants.REQUEST_URI, requestUri.toString());
        if (requestUri instanceof SipURI sip) {
            in.setHeader(SipConstants.REQUEST_URI_USER, sip.getUser());
            in.setHeader(SipConstants.REQUEST_URI_HOST, sip.getHost());
        }
        Address from = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress();
        in.setHeader(SipConstants.FROM_URI, from.getURI().toString());
        in.setHeader(SipConstants.FROM_DISPLAY_NAME, from.getDisplayName());
        Address to = ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress();
        in.setHeader(SipConstants.TO_URI, to.getURI().toString());
        in.setHeader(SipConstants.TO_DISPLAY_NAME, to.getDisplayName());
        in.setHeader(SipConstants.CALL_ID, ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
        in.setHeader(SipConstants.CSEQ, ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber());
        if (request instanceof SIPRequest nist && nist.getPeerPacketSourceAddress() != null) {
            in.setHeader(SipConstants.SOURCE_ADDRESS, nist.getPeerPacketSourceAddress().getHostAddress());
            in.setHeader(SipConstants.SOURCE_PORT, nist.getPeerPacketSourcePort());
        }
        in.setHeader(SipConstants.TRANSPORT, call.transport());
        in.setHeader(SipConstants.HEADERS, new SipHeaders(request));
        in.setHeader(SipConstants.SERVER_CALL, call);
        byte[] body = request.getRawContent();
        if (body != null && body.length > 0) {
            ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
            boolean text = type == null || "application".equalsIgnoreCase(type.getContentType())
                    && "sdp".equalsIgnoreCase(type.getContentSubType())
                    || "text".equalsIgnoreCase(type.getContentType());
            in.setBody(text ? new String(body, StandardCharsets.UTF_8) : body);
            if (type != null) {
                in.setHeader(SipConstants.CONTENT_TYPE, type.getContentType() + "/" + type.getContentSubType());
            }
        }
    }
}
