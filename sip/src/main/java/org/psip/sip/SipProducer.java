package org.psip.sip;

import java.util.Map;
import java.util.function.Consumer;

import javax.sip.SipException;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends from the endpoint's address.
 *
 * <p>{@code operation=request} (default) sends the request named by
 * {@link SipConstants#METHOD}: an INVITE to {@link SipConstants#REQUEST_URI} (the
 * exchange continues when the final response arrives, with its code in
 * {@link SipConstants#RESPONSE_CODE}, its body as the message body and the leg in
 * {@link SipConstants#CLIENT_CALL}); ACK, CANCEL or BYE on that leg.
 * {@code operation=respond} sends the response in {@link SipConstants#RESPONSE_CODE}
 * on the exchange's inbound INVITE, e.g. a 180 before the route goes on.
 * {@code operation=bridge} places an INVITE to {@link SipConstants#REQUEST_URI} and joins
 * it with the inbound call in {@link SipConstants#SERVER_CALL} (a {@link SipBridge}): the
 * exchange continues with the callee's final response; a 2xx has then answered the caller,
 * a failure has not (the route picks another target or answers the caller itself).
 */
public class SipProducer extends DefaultAsyncProducer {

    private static final int DEFAULT_MAX_FORWARDS = 70;

    private SipService service;

    public SipProducer(SipEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SipEndpoint getEndpoint() {
        return (SipEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        service = getEndpoint().acquireService();
    }

    @Override
    protected void doStop() throws Exception {
        if (service != null) {
            getEndpoint().releaseService(service);
            service = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getIn();
        String operation = in.getHeader(SipConstants.OPERATION, getEndpoint().getConfiguration().getOperation(),
                String.class);
        try {
            if ("respond".equals(operation)) {
                respond(exchange);
                callback.done(true);
                return true;
            }
            if ("bridge".equals(operation)) {
                return bridge(exchange, callback);
            }
            String method = in.getHeader(SipConstants.METHOD, Request.INVITE, String.class);
            switch (method) {
                case Request.INVITE:
                    return invite(exchange, callback);
                case Request.ACK:
                    clientCall(exchange).ack();
                    break;
                case Request.CANCEL:
                    clientCall(exchange).cancel();
                    break;
                case Request.BYE:
                    clientCall(exchange).bye().whenComplete((response, failure) -> {
                        if (failure != null) {
                            exchange.setException(failure);
                        } else {
                            setResponse(exchange, response);
                        }
                        callback.done(false);
                    });
                    return false;
                default:
                    throw new CamelExchangeException("the sip producer sends INVITE, ACK, CANCEL or BYE, not "
                            + method, exchange);
            }
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    private void respond(Exchange exchange) throws CamelExchangeException {
        Message in = exchange.getIn();
        SipServerCall call = in.getHeader(SipConstants.SERVER_CALL, SipServerCall.class);
        Integer code = in.getHeader(SipConstants.RESPONSE_CODE, Integer.class);
        if (call == null || code == null) {
            throw new CamelExchangeException("operation=respond needs " + SipConstants.SERVER_CALL + " and "
                    + SipConstants.RESPONSE_CODE, exchange);
        }
        String reasonPhrase = in.getHeader(SipConstants.REASON_PHRASE, String.class);
        Map<String, ?> headers = in.getHeader(SipConstants.RESPONSE_HEADERS, Map.class);
        String contentType = in.getHeader(SipConstants.CONTENT_TYPE, String.class);
        if (code < 200) {
            // of the provisional responses only 183 Session Progress carries the body (early media SDP)
            call.sendProvisional(code, reasonPhrase, headers, code == 183 ? in.getBody() : null, contentType);
        } else {
            call.answer(code, reasonPhrase, in.getHeader(SipConstants.REASON_TEXT, String.class), headers,
                    code < 300 ? in.getBody() : null, contentType);
        }
    }

    private boolean invite(Exchange exchange, AsyncCallback callback) throws SipException, CamelExchangeException {
        Message in = exchange.getIn();
        SipInvite invite = outboundInvite(exchange);
        if (invite == null) {
            callback.done(true);
            return true;
        }
        SipClientCall call = service.invite(invite, in.getHeader(SipConstants.PROVISIONAL_LISTENER, Consumer.class),
                leg -> in.setHeader(SipConstants.CLIENT_CALL, leg));
        call.finalResponse().whenComplete((response, failure) -> {
            if (failure != null) {
                exchange.setException(failure);
            } else {
                setResponse(exchange, response);
                exchange.getMessage().setHeader(SipConstants.PROVISIONAL_RESPONSES, call.provisionalResponses());
            }
            callback.done(false);
        });
        return false;
    }

    private boolean bridge(Exchange exchange, AsyncCallback callback) throws SipException, CamelExchangeException {
        Message in = exchange.getIn();
        SipServerCall caller = in.getHeader(SipConstants.SERVER_CALL, SipServerCall.class);
        if (caller == null) {
            throw new CamelExchangeException("operation=bridge needs the inbound call in "
                    + SipConstants.SERVER_CALL, exchange);
        }
        SipInvite invite = outboundInvite(exchange);
        if (invite == null) {
            callback.done(true);
            return true;
        }
        // signalling only: the caller's offer goes to the callee as it came, whatever the exchange's body is
        Request offer = caller.request();
        invite = invite.withBody(offer.getRawContent(), SipBridge.contentType(offer));
        SipBridge bridge = SipBridge.connect(caller, invite,
                in.getHeader(SipConstants.BRIDGE_LISTENER, SipBridge.Listener.class),
                in.getHeader(SipConstants.CALL_LIMIT, 0L, Long.class));
        in.setHeader(SipConstants.BRIDGE, bridge);
        bridge.outcome().whenComplete((response, failure) -> {
            setResponse(exchange, response);
            callback.done(false);
        });
        return false;
    }

    /**
     * The INVITE the exchange asks for; null (with 483 set on the exchange) when the inbound
     * call's Max-Forwards is used up.
     */
    @SuppressWarnings("unchecked")
    private SipInvite outboundInvite(Exchange exchange) throws CamelExchangeException {
        Message in = exchange.getIn();
        String target = in.getHeader(SipConstants.REQUEST_URI, String.class);
        if (target == null) {
            throw new CamelExchangeException("an INVITE needs a target in " + SipConstants.REQUEST_URI, exchange);
        }
        int maxForwards = maxForwards(in);
        if (maxForwards < 0) {
            in.setHeader(SipConstants.RESPONSE_CODE, 483);
            in.setHeader(SipConstants.REASON_TEXT, "Max-Forwards exhausted");
            return null;
        }
        return new SipInvite(target,
                in.getHeader(SipConstants.FROM_URI, String.class),
                in.getHeader(SipConstants.FROM_DISPLAY_NAME, String.class),
                // on an inbound call's exchange CamelSipToUri is the caller's To: the new leg is To its target
                in.getHeader(SipConstants.SERVER_CALL) != null ? target : in.getHeader(SipConstants.TO_URI, String.class),
                in.getHeader(SipConstants.TO_DISPLAY_NAME, String.class),
                in.getHeader(SipConstants.REQUEST_HEADERS, Map.class),
                in.getBody(),
                in.getHeader(SipConstants.CONTENT_TYPE, String.class),
                maxForwards,
                in.getHeader(SipConstants.RING_TIMEOUT, getEndpoint().getConfiguration().getRingTimeout(), Long.class));
    }

    /** A new leg of an inbound call carries the caller's Max-Forwards less one, so loops end. */
    private static int maxForwards(Message in) {
        SipServerCall inbound = in.getHeader(SipConstants.SERVER_CALL, SipServerCall.class);
        if (inbound == null) {
            return DEFAULT_MAX_FORWARDS;
        }
        MaxForwardsHeader header = (MaxForwardsHeader) inbound.request().getHeader(MaxForwardsHeader.NAME);
        return header == null ? DEFAULT_MAX_FORWARDS : header.getMaxForwards() - 1;
    }

    private static void setResponse(Exchange exchange, SipResponse response) {
        Message out = exchange.getMessage();
        out.setHeader(SipConstants.RESPONSE_CODE, response.code());
        out.setHeader(SipConstants.REASON_PHRASE, response.reason());
        out.setHeader(SipConstants.FINAL_RESPONSE, response);
        out.setHeader(SipConstants.CONTENT_TYPE, response.contentType());
        out.setBody(response.body());
    }

    private static SipClientCall clientCall(Exchange exchange) throws CamelExchangeException {
        SipClientCall call = exchange.getIn().getHeader(SipConstants.CLIENT_CALL, SipClientCall.class);
        if (call == null) {
            throw new CamelExchangeException("no " + SipConstants.CLIENT_CALL + " to act on: INVITE first",
                    exchange);
        }
        return call;
    }
}
