package org.psip.routes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Message;
import org.psip.sip.SipConstants;

/** The parameters psip sends to answer_url, as Vonage's answer webhook names them. */
final class AnswerRequest {

    private AnswerRequest() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> parameters(Message message, String regionUrl) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("to", callee(message));
        parameters.put("from", caller(message));
        parameters.put("uuid", message.getHeader(PsipHeaders.CALL_UUID, String.class));
        parameters.put("conversation_uuid", message.getHeader(PsipHeaders.CONVERSATION_UUID, String.class));
        parameters.put("region", message.getHeader(PsipHeaders.REGION, String.class));
        if (regionUrl != null) {
            parameters.put("region_url", regionUrl);
        }
        parameters.put("endpoint_type", "sip");
        Map<String, String> sipHeaders = message.getHeader(PsipHeaders.SIP_HEADER_PARAMS, Map.class);
        if (sipHeaders != null) {
            parameters.putAll(sipHeaders);
        }
        Map<String, Object> extra = message.getHeader(PsipHeaders.ANSWER_URL_PARAMS, Map.class);
        if (extra != null) {
            extra.forEach((name, value) -> parameters.put(name, String.valueOf(value)));
        }
        return parameters;
    }

    /** The dialled number, or the Request-URI's user (the whole URI without one). */
    static String callee(Message message) {
        String number = message.getHeader(PsipHeaders.NUMBER, String.class);
        return number != null ? number : userOrUri(message.getHeader(SipConstants.REQUEST_URI_USER, String.class),
                message.getHeader(SipConstants.REQUEST_URI, String.class));
    }

    /** The caller's From user (the whole URI without one). */
    static String caller(Message message) {
        String from = message.getHeader(SipConstants.FROM_URI, String.class);
        return userOrUri(userOf(from), from);
    }

    /** application/x-www-form-urlencoded, as a query string. */
    static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder(256);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static String userOrUri(String user, String uri) {
        return user != null && !user.isEmpty() ? user : uri;
    }

    /** The user part of a sip: or sips: URI, or null. */
    static String userOf(String uri) {
        if (uri == null) {
            return null;
        }
        int colon = uri.indexOf(':');
        int at = uri.indexOf('@');
        return colon >= 0 && at > colon ? uri.substring(colon + 1, at) : null;
    }
}
