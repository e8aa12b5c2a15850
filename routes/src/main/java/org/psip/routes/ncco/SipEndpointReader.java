package org.psip.routes.ncco;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a SIP endpoint. Its headers end up in an INVITE, so their names must be SIP tokens and their values one
 * line: anything else would let an NCCO write SIP of its own.
 */
final class SipEndpointReader {

    /** RFC 3261 token characters besides letters and digits. */
    private static final String TOKEN_MARKS = "-.!%*_+`'~";

    private SipEndpointReader() {
    }

    static SipEndpoint sip(JsonFields fields) {
        String uri = fields.singleLineText("uri");
        if (uri != null && !isSipUri(uri)) {
            throw fields.invalid("uri", "must be a sip: or sips: URI");
        }
        String domain = fields.singleLineText("domain");
        String user = fields.singleLineText("user");
        if (uri == null && domain == null) {
            throw fields.invalid("uri", "missing");
        }
        if (uri != null && (domain != null || user != null)) {
            throw fields.invalid(domain != null ? "domain" : "user", "cannot be used together with uri");
        }
        return new SipEndpoint(uri, domain, user, customHeaders(fields), standardHeaders(fields), fields.extras());
    }

    /** The reference: sent as {@code X-<key>: <value>}, so the key must make a header name. */
    private static Map<String, String> customHeaders(JsonFields fields) {
        JsonNode headers = headersObject(fields, "headers");
        if (headers == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            if (!isToken(header.getKey())) {
                throw fields.invalid("headers",
                        InvalidNccoException.echo(header.getKey()) + " is not a valid SIP header name");
            }
            copy.put(header.getKey(), headerValue(fields.pathOf("headers") + "." + header.getKey(), header));
        }
        return copy;
    }

    /** Only the headers the platform defines: a free choice would let an NCCO set Via, Route or Contact. */
    private static Map<String, String> standardHeaders(JsonFields fields) {
        JsonNode headers = headersObject(fields, "standardHeaders");
        if (headers == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            if (!SipEndpoint.USER_TO_USER.equalsIgnoreCase(header.getKey())) {
                throw fields.invalid("standardHeaders", "unknown standard header "
                        + InvalidNccoException.echo(header.getKey()) + ", only " + SipEndpoint.USER_TO_USER);
            }
            String location = fields.pathOf("standardHeaders") + "." + header.getKey();
            copy.put(SipEndpoint.USER_TO_USER, headerValue(location, header));
        }
        return copy;
    }

    private static JsonNode headersObject(JsonFields fields, String field) {
        JsonNode headers = fields.value(field);
        if (headers != null && !headers.isObject()) {
            throw fields.invalid(field, "must be an object");
        }
        return headers;
    }

    /** The reference says string values; numbers and true/false are taken as their text, as an SDK sends them. */
    private static String headerValue(String location, Map.Entry<String, JsonNode> header) {
        JsonNode value = header.getValue();
        if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
            throw new InvalidNccoException(location, "must be a string");
        }
        String text = value.asText();
        if (JsonFields.hasControlCharacter(text)) {
            throw new InvalidNccoException(location, "must not contain line breaks or control characters");
        }
        return text;
    }

    private static boolean isSipUri(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        int rest = lower.startsWith("sip:") ? 4 : lower.startsWith("sips:") ? 5 : -1;
        return rest > 0 && uri.length() > rest && uri.indexOf(' ') < 0;
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = c < 128 && Character.isLetterOrDigit(c);
            if (!alphanumeric && TOKEN_MARKS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
