package org.psip.plugin.auth.digest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Self-validating nonces: base64url (no padding) of
 * {@code issued-at millis (8 bytes) | random (8 bytes) | HMAC-SHA256(secret, issued-at | random | realm)}.
 * Any node holding the shared secret can tell a nonce it never saw from a forged one, and how old
 * it is, without per-nonce state. The random part only keeps two nonces of the same millisecond
 * apart (each has its own replay record); secrecy comes from the HMAC, so a fast non-cryptographic
 * source is enough.
 */
final class NonceSigner {

    private static final String HMAC = "HmacSHA256";
    private static final int STAMP_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int SIGNED_BYTES = STAMP_BYTES + RANDOM_BYTES;
    private static final int MAC_BYTES = 32;
    /** 48 bytes encode to exactly 64 base64 characters, no padding to strip. */
    private static final int ENCODED_LENGTH = 64;

    private final long lifetimeMillis;
    private final ThreadLocal<Mac> macs;

    /** What a nonce turned out to be; {@code expiresAtMillis} is meaningful unless forged. */
    record Check(Status status, long expiresAtMillis) {
    }

    enum Status {
        VALID,
        EXPIRED,
        FORGED
    }

    NonceSigner(String secret, Duration lifetime) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the nonce secret must not be empty");
        }
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the nonce lifetime must be positive: " + lifetime);
        }
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.lifetimeMillis = lifetime.toMillis();
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    /** A fresh nonce for a challenge in this realm. */
    String issue(String realm, long nowMillis) {
        ByteBuffer nonce = ByteBuffer.allocate(SIGNED_BYTES + MAC_BYTES);
        nonce.putLong(nowMillis).putLong(ThreadLocalRandom.current().nextLong());
        nonce.put(sign(nonce.array(), realm));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    /**
     * Whether this nonce was issued, with this secret, for this realm, and is still young enough.
     * A nonce stamped later than now (another node's clock running ahead) is accepted while the
     * stamp is within one lifetime of now; beyond that it is treated as expired.
     */
    Check check(String nonce, String realm, long nowMillis) {
        byte[] decoded = decode(nonce);
        if (decoded == null
                || !MessageDigest.isEqual(sign(decoded, realm), slice(decoded, SIGNED_BYTES, MAC_BYTES))) {
            return new Check(Status.FORGED, 0);
        }
        long issuedAt = ByteBuffer.wrap(decoded).getLong();
        long expiresAt = issuedAt + lifetimeMillis;
        boolean fresh = nowMillis <= expiresAt && issuedAt - nowMillis <= lifetimeMillis;
        return new Check(fresh ? Status.VALID : Status.EXPIRED, expiresAt);
    }

    private byte[] sign(byte[] nonce, String realm) {
        Mac mac = macs.get();
        mac.update(nonce, 0, SIGNED_BYTES);
        mac.update(realm.getBytes(StandardCharsets.UTF_8));
        return mac.doFinal();
    }

    private static byte[] decode(String nonce) {
        if (nonce == null || nonce.length() != ENCODED_LENGTH) {
            return null;
        }
        try {
            byte[] decoded = Base64.getUrlDecoder().decode(nonce);
            // padding ('=') passes the length check above but decodes to fewer bytes
            return decoded.length == SIGNED_BYTES + MAC_BYTES ? decoded : null;
        } catch (IllegalArgumentException notBase64Url) {
            return null;
        }
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        byte[] part = new byte[length];
        System.arraycopy(bytes, from, part, 0, length);
        return part;
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime lacks " + HMAC, e);
        }
    }
}
