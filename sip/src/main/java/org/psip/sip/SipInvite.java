package org.psip.sip;

import java.util.Map;

/**
 * An outbound INVITE to place.
 *
 * @param requestUri      the target
 * @param fromUri         the From URI; null for the endpoint's default
 * @param fromDisplayName the From display name, or null
 * @param toUri           the To URI; null for the target
 * @param toDisplayName   the To display name, or null
 * @param headers         extra headers: name to a value or a list of values; may be null
 * @param body            the offer (SDP), or null
 * @param contentType     the body's type; null for application/sdp
 * @param maxForwards     Max-Forwards (a B2BUA passes the inbound value less one)
 * @param ringTimeoutMillis how long the INVITE may go unanswered before it is cancelled
 */
public record SipInvite(String requestUri, String fromUri, String fromDisplayName, String toUri,
                        String toDisplayName, Map<String, ?> headers, Object body, String contentType,
                        int maxForwards, long ringTimeoutMillis) {

    /** The same INVITE carrying another body. */
    public SipInvite withBody(Object newBody, String newContentType) {
        return new SipInvite(requestUri, fromUri, fromDisplayName, toUri, toDisplayName, headers, newBody,
                newContentType, maxForwards, ringTimeoutMillis);
    }
}
