package org.psip.plugin.auth.digest;

import java.security.MessageDigest;
import java.util.Map;
import org.psip.api.Credential;

/**
 * Whether a digest response proves knowledge of the user's password. The comparison takes the
 * same time wherever the bytes differ (MessageDigest.isEqual), and an unknown username costs the
 * same hashing as a known one, so neither timing nor the answer tells an unknown user from a
 * wrong password.
 */
final class ResponseCheck {

    /** Hashed in place of a password for unknown users, only so that they cost the same time. */
    private static final String DECOY_PASSWORD = "";

    private ResponseCheck() {
    }

    /**
     * @param user the directory's credential for the username, or null when there is none
     */
    static boolean proves(DigestCredentials credentials, DigestAlgorithm algorithm, Credential user,
                          String method) {
        byte[] ha1 = user == null ? null : ha1(user, algorithm, credentials.realm());
        boolean verifiable = ha1 != null;
        if (!verifiable) {
            ha1 = DigestComputation.ha1(algorithm, credentials.username(), credentials.realm(), DECOY_PASSWORD);
        }
        byte[] expected = DigestComputation.expectedResponse(algorithm, ha1, method, credentials.uri(),
                credentials.nonce(), credentials.nc(), credentials.cnonce(), credentials.qop());
        byte[] given = DigestComputation.parseHex(credentials.response());
        return MessageDigest.isEqual(expected, given) & verifiable;
    }

    /**
     * HA1 from the password when there is one, else the HA1 stored for this algorithm (a -sess
     * variant uses its base algorithm's); null when the user has neither, e.g. only an MD5 HA1
     * while the client answered SHA-256.
     */
    private static byte[] ha1(Credential user, DigestAlgorithm algorithm, String realm) {
        if (user.password() != null) {
            return DigestComputation.ha1(algorithm, user.username(), realm, user.password());
        }
        String stored = storedHa1(user.ha1(), algorithm.ha1Name());
        return stored == null ? null : DigestComputation.storedHa1(algorithm, stored);
    }

    /** Keys are algorithm names as written in the directory; accept any case, as everywhere else. */
    private static String storedHa1(Map<String, String> ha1ByAlgorithm, String algorithmName) {
        String exact = ha1ByAlgorithm.get(algorithmName);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : ha1ByAlgorithm.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(algorithmName)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
