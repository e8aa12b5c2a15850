package org.psip.routes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultExchange;
import org.psip.sip.SipBridge;
import org.psip.sip.SipConstants;
import org.psip.sip.SipEndpoint;
import org.psip.sip.SipServerCall;

/**
 * Places outbound legs bridged to the call a step is running, through the {@code sip}
 * producer's {@code operation=bridge} on the address the call came in on.
 */
final class Bridges {

    /** One bridging producer per SIP address psip listens on. */
    private final Map<String, AsyncProducer> producers = new ConcurrentHashMap<>();

    /**
     * Sends the leg's INVITE; {@code whenDone} gets the leg's exchange once the callee's final
     * response came ({@link SipConstants#RESPONSE_CODE}, {@link SipConstants#BRIDGE}).
     */
    void place(Exchange call, OutboundLeg leg, SipBridge.Listener listener, Consumer<Exchange> whenDone)
            throws Exception {
        Message in = call.getMessage();
        SipServerCall caller = in.getHeader(SipConstants.SERVER_CALL, SipServerCall.class);
        Exchange invite = new DefaultExchange(call.getContext());
        Message out = invite.getIn();
        out.setHeader(SipConstants.SERVER_CALL, caller);
        out.setHeader(SipConstants.REQUEST_URI, leg.requestUri());
        out.setHeader(SipConstants.REQUEST_HEADERS, leg.headers());
        out.setHeader(SipConstants.RING_TIMEOUT, leg.ringMillis());
        out.setHeader(SipConstants.CALL_LIMIT, leg.limitMillis());
        out.setHeader(SipConstants.BRIDGE_LISTENER, listener);
        if (leg.fromUser() != null) {
            out.setHeader(SipConstants.FROM_URI, "sip:" + leg.fromUser() + "@" + caller.localAddress());
        } else {
            out.setHeader(SipConstants.FROM_URI, in.getHeader(SipConstants.FROM_URI));
            out.setHeader(SipConstants.FROM_DISPLAY_NAME, in.getHeader(SipConstants.FROM_DISPLAY_NAME));
        }
        producerFor(call).process(invite, doneSync -> whenDone.accept(invite));
    }

    private AsyncProducer producerFor(Exchange exchange) throws Exception {
        if (!(exchange.getFromEndpoint() instanceof SipEndpoint from)) {
            throw new IllegalStateException("psip bridges calls a sip: consumer received, not "
                    + exchange.getFromEndpoint());
        }
        String address = from.getConfiguration().address();
        AsyncProducer producer = producers.get(address);
        if (producer != null) {
            return producer;
        }
        CamelContext context = exchange.getContext();
        synchronized (producers) {
            producer = producers.get(address);
            if (producer == null) {
                producer = context.getEndpoint("sip:" + address + "?operation=bridge").createAsyncProducer();
                context.addService(producer, true, true); // stopped with the context
                producers.put(address, producer);
            }
        }
        return producer;
    }
}
