package org.psip.routes.ncco;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A SIP endpoint, addressed by URI or, as the Vonage SDKs also allow, by SIP domain (and user).
 *
 * @param uri             the {@code sip:} or {@code sips:} URI to call; null when addressed by domain
 * @param domain          the SIP domain to call; null when addressed by URI
 * @param user            the user at {@code domain}; may be null
 * @param headers         custom headers, to be sent on the INVITE as {@code X-<key>: <value>} in the order given
 * @param standardHeaders standard SIP headers by their canonical name; so far only {@value #USER_TO_USER}
 * @param extras          fields this model does not know
 */
public record SipEndpoint(String uri, String domain, String user, Map<String, String> headers,
                          Map<String, String> standardHeaders, Map<String, JsonNode> extras) implements Endpoint {

    public static final String TYPE = "sip";
    /** RFC 7433 user-to-user information, the one standard header an NCCO may set. */
    public static final String USER_TO_USER = "User-to-User";

    public SipEndpoint {
        if (uri == null && domain == null) {
            throw new IllegalArgumentException("a SIP endpoint needs a uri or a domain");
        }
        headers = Immutables.orderedMap(headers);
        standardHeaders = Immutables.orderedMap(standardHeaders);
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The User-to-User header's value, or null. */
    public String userToUser() {
        return standardHeaders.get(USER_TO_USER);
    }
}
