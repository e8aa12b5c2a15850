package org.psip.plugin.auth.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The digest arithmetic of RFC 7616 §3.4.1-3.4.3 (RFC 2617 §3.2.2.1 for the form without qop).
 * HA1 and HA2 stay lower-case hex in ASCII byte arrays, the form in which they enter the next
 * hash, so no String is built on the way; the final response is returned as raw digest bytes
 * for a constant-time comparison with the client's.
 */
final class DigestComputation {

    private static final byte COLON = ':';
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private DigestComputation() {
    }

    /** HA1 = H(username ":" realm ":" password), lower-case hex, strings hashed as UTF-8. */
    static byte[] ha1(DigestAlgorithm algorithm, String username, String realm, String password) {
        MessageDigest digest = algorithm.messageDigest();
        update(digest, username);
        digest.update(COLON);
        update(digest, realm);
        digest.update(COLON);
        update(digest, password);
        return toHex(digest.digest());
    }

    /**
     * A stored HA1 as the computation needs it: lower-case hex of this algorithm's length.
     *
     * @return null when the value is not hex of that length (it can then verify nothing)
     */
    static byte[] storedHa1(DigestAlgorithm algorithm, String hex) {
        byte[] raw = parseHex(hex);
        if (raw == null || raw.length != algorithm.messageDigest().getDigestLength()) {
            return null;
        }
        return toHex(raw);
    }

    /**
     * The response a client holding this HA1 must send, as raw digest bytes:
     * H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2), or H(HA1 ":" nonce ":" HA2) without qop.
     * For a {@code -sess} algorithm HA1 first becomes H(HA1 ":" nonce ":" cnonce).
     *
     * @param ha1 H(username:realm:password) in lower-case hex, as {@link #ha1} returns it
     * @param qop "auth", or null for the RFC 2069 form, where nc and cnonce take no part
     */
    static byte[] expectedResponse(DigestAlgorithm algorithm, byte[] ha1, String method, String uri,
                                   String nonce, String nc, String cnonce, String qop) {
        byte[] effectiveHa1 = algorithm.isSession() ? sessionHa1(algorithm, ha1, nonce, cnonce) : ha1;
        byte[] ha2 = ha2(algorithm, method, uri);
        MessageDigest digest = algorithm.messageDigest();
        digest.update(effectiveHa1);
        digest.update(COLON);
        update(digest, nonce);
        digest.update(COLON);
        if (qop != null) {
            update(digest, nc);
            digest.update(COLON);
            update(digest, cnonce);
            digest.update(COLON);
            update(digest, qop);
            digest.update(COLON);
        }
        digest.update(ha2);
        return digest.digest();
    }

    /** Lower-case hex of raw bytes. */
    static String hex(byte[] raw) {
        return new String(toHex(raw), StandardCharsets.US_ASCII);
    }

    /** Raw bytes of a hex string in either case; null when it is not an even run of hex digits. */
    static byte[] parseHex(String hex) {
        if (hex == null || hex.length() % 2 != 0) {
            return null;
        }
        byte[] raw = new byte[hex.length() / 2];
        for (int i = 0; i < raw.length; i++) {
            int high = hexDigit(hex.charAt(2 * i));
            int low = hexDigit(hex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            raw[i] = (byte) (high << 4 | low);
        }
        return raw;
    }

    /** The value of an ASCII hex digit, or -1: Character.digit would also take other scripts' digits. */
    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static byte[] sessionHa1(DigestAlgorithm algorithm, byte[] ha1, String nonce, String cnonce) {
        MessageDigest digest = algorithm.messageDigest();
        digest.update(ha1);
        digest.update(COLON);
        update(digest, nonce);
        digest.update(COLON);
        update(digest, cnonce);
        return toHex(digest.digest());
    }

    /** HA2 = H(method ":" digest-uri) for qop=auth (auth-int, which adds the body, is not offered). */
    private static byte[] ha2(DigestAlgorithm algorithm, String method, String uri) {
        MessageDigest digest = algorithm.messageDigest();
        update(digest, method);
        digest.update(COLON);
        update(digest, uri);
        return toHex(digest.digest());
    }

    private static byte[] toHex(byte[] raw) {
        byte[] hex = new byte[raw.length * 2];
        for (int i = 0; i < raw.length; i++) {
            hex[2 * i] = HEX_DIGITS[(raw[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX_DIGITS[raw[i] & 0xf];
        }
        return hex;
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
    }
}
