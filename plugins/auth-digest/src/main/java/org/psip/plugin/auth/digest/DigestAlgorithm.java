package org.psip.plugin.auth.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The digest algorithms of RFC 7616 §6.1 that SIP uses (RFC 8760), each with its
 * {@code -sess} variant. A {@link MessageDigest} is not thread-safe and costs an
 * allocation and a provider lookup to create, so each thread keeps one per algorithm.
 */
enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true),
    // RFC 7616 spells it SHA-512-256; the JDK names FIPS 180-4 SHA-512/256 "SHA-512/256".
    SHA_512_256("SHA-512-256", "SHA-512/256", false),
    SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true);

    /** {@link #values()} copies its array on every call; the lookup runs per request. */
    private static final DigestAlgorithm[] ALL = values();

    private final String headerName;
    private final boolean session;
    private final ThreadLocal<MessageDigest> perThread;

    DigestAlgorithm(String headerName, String jdkName, boolean session) {
        this.headerName = headerName;
        this.session = session;
        this.perThread = ThreadLocal.withInitial(() -> newMessageDigest(jdkName));
    }

    /** The name in {@code algorithm=} parameters and in the Admission's list. */
    String headerName() {
        return headerName;
    }

    /**
     * The name stored HA1 values are filed under ({@link org.psip.api.Credential#ha1()}):
     * a {@code -sess} variant starts from the same H(username:realm:password).
     */
    String ha1Name() {
        return session ? headerName.substring(0, headerName.length() - "-sess".length()) : headerName;
    }

    boolean isSession() {
        return session;
    }

    /** This thread's digest, reset and ready for input. */
    MessageDigest messageDigest() {
        MessageDigest digest = perThread.get();
        digest.reset();
        return digest;
    }

    /** The algorithm an {@code algorithm=} value names, compared case-insensitively; null when none. */
    static DigestAlgorithm byName(String name) {
        for (DigestAlgorithm algorithm : ALL) {
            if (algorithm.headerName.equalsIgnoreCase(name)) {
                return algorithm;
            }
        }
        return null;
    }

    private static MessageDigest newMessageDigest(String jdkName) {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            // Every Java 17 runtime ships all three; a runtime without one cannot run psip.
            throw new IllegalStateException("this Java runtime lacks " + jdkName, e);
        }
    }
}
