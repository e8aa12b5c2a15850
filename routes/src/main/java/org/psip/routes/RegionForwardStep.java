package org.psip.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.psip.sip.SipConstants;
import org.psip.sip.SipResponse;

/**
 * Step {@code forwardToRegion}: a call for another region goes on to that region's
 * gateway as a bridged leg, with the same Request-URI, the caller's credentials and
 * X- headers, and the caller's address in {@value #SOURCE_HEADER} (which that gateway
 * trusts from its peers only, for the domain's ACL). The caller gets that gateway's
 * answer; the call stays on this node (its dialogs end here).
 */
public class RegionForwardStep extends AsyncProcessorSupport {

    /** The caller's address, as the first gateway saw it. */
    public static final String SOURCE_HEADER = "X-Psip-Source";
    /** What passes from the caller's INVITE to the forwarded one besides X- headers. */
    private static final List<String> CREDENTIALS = List.of("Authorization", "Proxy-Authorization");
    /** The answers whose headers the caller needs to act on them. */
    private static final List<String> ANSWER_HEADERS = List.of("WWW-Authenticate", "Proxy-Authenticate",
            "Retry-After");

    private final Bridges bridges;

    RegionForwardStep(Bridges bridges) {
        this.bridges = bridges;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        String region = message.getHeader(PsipHeaders.REGION, String.class);
        String gateway = message.getHeader(PsipHeaders.REGION_GATEWAY, String.class);
        String requestUri = message.getHeader(SipConstants.REQUEST_URI, String.class);
        OutboundLeg leg = new OutboundLeg(requestUri, null, forwardedHeaders(message, gateway), requestUri,
                60_000L, 0L, true);
        try {
            bridges.place(exchange, leg, null, invite -> {
                answered(exchange, invite.getMessage(), region);
                callback.done(false);
            });
            return false;
        } catch (Exception e) {
            Rejection.reject(exchange, 502, "cannot forward to region " + region + ": " + e.getMessage());
            callback.done(true);
            return true;
        }
    }

    private static void answered(Exchange exchange, Message leg, String region) {
        Integer code = leg.getHeader(SipConstants.RESPONSE_CODE, Integer.class);
        if (code == null) {
            Rejection.reject(exchange, 502, "region " + region + " gave no answer");
        } else if (code >= 300) {
            SipResponse answer = leg.getHeader(SipConstants.FINAL_RESPONSE, SipResponse.class);
            Map<String, Object> headers = new LinkedHashMap<>();
            if (answer != null) {
                ANSWER_HEADERS.forEach(name -> {
                    List<String> values = answer.headers().get(name);
                    if (values != null && !values.isEmpty()) {
                        headers.put(name, values);
                    }
                });
            }
            Rejection.reject(exchange, code, "region " + region + " answered " + code, headers);
        }
        // a 2xx answered the caller through the bridge
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> forwardedHeaders(Message message, String gateway) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Route", "<" + gateway + ";lr>");
        headers.put(SOURCE_HEADER, message.getHeader(SipConstants.SOURCE_ADDRESS, String.class));
        Map<String, List<String>> received = message.getHeader(SipConstants.HEADERS, Map.class);
        if (received != null) {
            received.forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                boolean credentials = CREDENTIALS.stream().anyMatch(c -> c.equalsIgnoreCase(name));
                if (credentials || lower.startsWith("x-") && !lower.startsWith("x-psip")) {
                    headers.put(name, values);
                }
            });
        }
        return headers;
    }
}
