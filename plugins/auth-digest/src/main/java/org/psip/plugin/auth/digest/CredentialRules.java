package org.psip.plugin.auth.digest;

/**
 * What psip requires of well-read credentials before it spends a hash on them.
 *
 * <p><b>qop is required.</b> psip always offers qop="auth", and a client that receives qop MUST
 * send it back (RFC 3261 §22.4 item 8; RFC 7616 §3.4 defines the response only with qop and makes
 * nc and cnonce mandatory). RFC 3261's RFC 2069 compatibility concerns servers that do not offer
 * qop; answering psip's challenge without it is a broken client or a downgrade attempt, and
 * without nc there is no replay protection. Such a response is refused with 403.
 *
 * <p><b>The digest uri may be any sip: or sips: URI.</b> It need not equal the Request-URI: RFC
 * 3261 §22.4 item 6 says the two may differ after forwarding and that this is not necessarily a
 * failure, and real clients differ (SIPp puts its target {@code sip:host:port} there; Kamailio's
 * uac and Asterisk the Request-URI). HA2 is computed over the uri the client sent, so what it
 * signed is what is checked. Anything that is not a SIP URI cannot be a SIP digest-uri-value and
 * is refused.
 */
final class CredentialRules {

    private static final int MAX_NONCE_COUNT_DIGITS = 8;

    private CredentialRules() {
    }

    /** Why these credentials cannot be checked, or null when they can. */
    static String problem(DigestCredentials credentials) {
        if (credentials.qop() == null) {
            return "qop=auth required";
        }
        if (!"auth".equalsIgnoreCase(credentials.qop())) {
            // not the client's value: a quoted one could carry anything into the Reason header
            return "qop other than auth not offered";
        }
        if (credentials.cnonce() == null || credentials.cnonce().isEmpty()) {
            return "malformed Authorization: no cnonce parameter";
        }
        if (nonceCount(credentials) < 0) {
            return "malformed Authorization: nc is not a hexadecimal count";
        }
        if (!isSipUri(credentials.uri())) {
            return "digest uri is not a SIP URI";
        }
        return null;
    }

    /**
     * The nc value, or -1 when absent or not 1 to 8 hex digits (RFC 7616 asks for exactly 8;
     * shorter is read rather than refused, since the response hashes nc as sent anyway).
     */
    static long nonceCount(DigestCredentials credentials) {
        String nc = credentials.nc();
        if (nc == null || nc.isEmpty() || nc.length() > MAX_NONCE_COUNT_DIGITS) {
            return -1;
        }
        long count = 0;
        for (int i = 0; i < nc.length(); i++) {
            int digit = DigestComputation.hexDigit(nc.charAt(i));
            if (digit < 0) {
                return -1;
            }
            count = count << 4 | digit;
        }
        return count;
    }

    private static boolean isSipUri(String uri) {
        return uri.regionMatches(true, 0, "sip:", 0, 4) || uri.regionMatches(true, 0, "sips:", 0, 5);
    }
}
