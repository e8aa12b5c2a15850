package org.psip.sip.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A received SIP message as text, with just enough parsing for assertions. */
public record SipText(String startLine, List<String[]> headers, String body, String raw) {

    public static SipText parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] { lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim() });
            }
        }
        return new SipText(lines[0], headers, body, raw);
    }

    /** The status code of a response, or 0 for a request. */
    public int status() {
        if (!startLine.startsWith("SIP/2.0 ")) {
            return 0;
        }
        return Integer.parseInt(startLine.substring(8, 11));
    }

    /** The first value of a header (long name, case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name) || header[0].equalsIgnoreCase(compact(name))) {
                values.add(header[1]);
            }
        }
        return values;
    }

    private static String compact(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "via" -> "v";
            case "from" -> "f";
            case "to" -> "t";
            case "call-id" -> "i";
            case "contact" -> "m";
            case "content-type" -> "c";
            case "content-length" -> "l";
            default -> name;
        };
    }

    /**
     * The ACK for this non-2xx final response to an INVITE sent to requestUri
     * (RFC 3261 17.1.1.3: same Request-URI, top Via, From, Call-ID and CSeq number; To from the response).
     */
    public String ackFor(String requestUri) {
        String cseq = header("CSeq");
        String number = cseq.trim().split("\\s+")[0];
        return "ACK " + requestUri + " SIP/2.0\r\n"
                + "Via: " + header("Via") + "\r\n"
                + "From: " + header("From") + "\r\n"
                + "To: " + header("To") + "\r\n"
                + "Call-ID: " + header("Call-ID") + "\r\n"
                + "CSeq: " + number + " ACK\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
