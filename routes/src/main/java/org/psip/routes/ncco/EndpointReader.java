package org.psip.routes.ncco;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a connect action's endpoints. */
final class EndpointReader {

    /** The reference: connect "currently supports a maximum of one endpoint object". */
    static final int MAX_ENDPOINTS = 1;

    /** E.164 allows at most 15 digits; a leading + is common in the wild and harmless. */
    private static final Pattern E164 = Pattern.compile("\\+?[0-9]{1,15}");
    private static final Pattern DTMF_ANSWER = Pattern.compile("[0-9*#p]*");

    private EndpointReader() {
    }

    static List<Endpoint> endpoints(JsonFields connect) {
        JsonNode list = connect.required("endpoint");
        if (!list.isArray()) {
            throw connect.invalid("endpoint", "must be an array");
        }
        if (list.isEmpty()) {
            throw connect.invalid("endpoint", "must not be empty");
        }
        if (list.size() > MAX_ENDPOINTS) {
            throw connect.invalid("endpoint", "at most " + MAX_ENDPOINTS + " endpoint is supported");
        }
        List<Endpoint> endpoints = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            endpoints.add(endpoint(JsonFields.of(list.get(i), connect.pathOf("endpoint") + "[" + i + "]")));
        }
        return endpoints;
    }

    private static Endpoint endpoint(JsonFields fields) {
        String type = fields.requiredText("type");
        switch (type) {
            case SipEndpoint.TYPE:
                return SipEndpointReader.sip(fields);
            case PhoneEndpoint.TYPE:
                return phone(fields);
            case WebSocketEndpoint.TYPE:
                return webSocket(fields);
            case AppEndpoint.TYPE:
                return new AppEndpoint(fields.requiredText("user"), fields.extras());
            case VbcEndpoint.TYPE:
                return new VbcEndpoint(fields.requiredText("extension"), fields.extras());
            default:
                throw fields.invalid("type", "unknown endpoint type " + InvalidNccoException.echo(type));
        }
    }

    private static PhoneEndpoint phone(JsonFields fields) {
        String number = fields.requiredText("number");
        if (!E164.matcher(number).matches()) {
            throw fields.invalid("number", "must be an E.164 number: up to 15 digits after an optional +");
        }
        String dtmfAnswer = fields.text("dtmfAnswer");
        if (dtmfAnswer != null && !DTMF_ANSWER.matcher(dtmfAnswer).matches()) {
            throw fields.invalid("dtmfAnswer", "may hold only digits, *, # and p");
        }
        return new PhoneEndpoint(number, dtmfAnswer, onAnswer(fields.object("onAnswer")), fields.extras());
    }

    private static PhoneEndpoint.OnAnswer onAnswer(JsonFields fields) {
        if (fields == null) {
            return null;
        }
        String url = fields.requiredUrl("url");
        String ringbackTone = fields.url("ringbackTone");
        // The reference: "the key ringback is still supported".
        String ringback = fields.url("ringback");
        return new PhoneEndpoint.OnAnswer(url, ringbackTone != null ? ringbackTone : ringback, fields.extras());
    }

    private static WebSocketEndpoint webSocket(JsonFields fields) {
        String uri = fields.requiredText("uri");
        if (!JsonFields.isUrl(uri, "ws", "wss")) {
            throw fields.invalid("uri", "must be a ws: or wss: URI");
        }
        String contentType = fields.text("content-type");
        return new WebSocketEndpoint(uri, contentType, anyHeaders(fields), fields.extras());
    }

    /** WebSocket headers are metadata for the application, so any JSON goes, nested objects included. */
    private static Map<String, JsonNode> anyHeaders(JsonFields fields) {
        JsonNode headers = fields.value("headers");
        if (headers == null) {
            return Map.of();
        }
        if (!headers.isObject()) {
            throw fields.invalid("headers", "must be an object");
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        headers.properties().forEach(header -> copy.put(header.getKey(), header.getValue()));
        return copy;
    }
}
