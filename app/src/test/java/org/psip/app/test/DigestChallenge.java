package org.psip.app.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WWW-Authenticate challenge as a client reads it, and the client's answer to it:
 * RFC 7616 digest with qop=auth, written here from the RFC and apart from psip's own
 * digest code so that the two check each other.
 */
public record DigestChallenge(String realm, String nonce, String algorithm, String qop, boolean stale) {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]+))");

    /** Reads a {@code Digest ...} challenge; algorithm MD5 when it names none (RFC 7616 3.3). */
    public static DigestChallenge parse(String wwwAuthenticate) {
        if (!wwwAuthenticate.regionMatches(true, 0, "Digest ", 0, 7)) {
            throw new IllegalArgumentException("not a digest challenge: " + wwwAuthenticate);
        }
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(wwwAuthenticate.substring(7));
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2).replaceAll("\\\\(.)", "$1") : matcher.group(3);
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), value);
        }
        return new DigestChallenge(parameters.get("realm"), parameters.get("nonce"),
                parameters.getOrDefault("algorithm", "MD5"), parameters.get("qop"),
                "true".equalsIgnoreCase(parameters.get("stale")));
    }

    /** An Authorization value answering this challenge with nonce-count 1 and a fresh cnonce. */
    public String answer(String username, String password, String method, String digestUri) {
        return answer(username, password, method, digestUri, UUID.randomUUID().toString().replace("-", ""), 1);
    }

    public String answer(String username, String password, String method, String digestUri, String cnonce,
                         int nonceCount) {
        String nc = String.format("%08x", nonceCount);
        String ha1 = hash(username + ":" + realm + ":" + password);
        String ha2 = hash(method + ":" + digestUri);
        String response = hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + digestUri + "\", response=\"" + response + "\", algorithm=" + algorithm
                + ", cnonce=\"" + cnonce + "\", qop=auth, nc=" + nc;
    }

    private String hash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT));
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("this client does not do " + algorithm, e);
        }
    }
}
