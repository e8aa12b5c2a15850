package org.psip.sip;

import java.util.List;
import java.util.Map;

/**
 * A response the producer received on an outbound leg.
 *
 * @param code        the status code
 * @param reason      the reason phrase
 * @param headers     every header, by name (case-insensitive), with all its values in order
 * @param contentType the body's content type, or null without a body
 * @param body        the body as text (SDP), or null
 */
public record SipResponse(int code, String reason, Map<String, List<String>> headers, String contentType,
                          String body) {

    public boolean isProvisional() {
        return code < 200;
    }

    public boolean isSuccess() {
        return code >= 200 && code < 300;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
