package org.psip.api;

import java.util.Map;
import java.util.Objects;

/**
 * A digest user: a plain password, or the HA1 hashes stored per algorithm
 * (H(username:realm:password), lower-case hex) so that no password need be kept.
 *
 * @param username the digest username (for SIP Connect, the account's API key)
 * @param password the password (for SIP Connect, the API secret); null when only HA1s are stored
 * @param ha1      HA1 per algorithm name ("MD5", "SHA-256", "SHA-512-256"); empty when a password is set
 */
public record Credential(String username, String password, Map<String, String> ha1) {

    public Credential {
        Objects.requireNonNull(username, "username");
        ha1 = ha1 == null ? Map.of() : Map.copyOf(ha1);
        if (password == null && ha1.isEmpty()) {
            throw new IllegalArgumentException("user " + username + " needs a password or a stored ha1");
        }
    }

    public static Credential ofPassword(String username, String password) {
        return new Credential(username, password, Map.of());
    }
}
