package org.psip.plugin.auth.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SIP client does with a challenge, written independently of psip's own digest code (plain
 * strings into MessageDigest) so that a round trip checks one implementation against another.
 * Each setter returns a copy, so a test can derive a variant of an answer from another.
 */
final class DigestClient {

    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    private String realm;
    private String nonce;
    private String algorithm;
    private String username = "alice";
    private String password = "wonderland";
    private String ha1;
    private String method = "INVITE";
    private String uri = "sip:1234@acme.sip.example.com";
    private String qop = "auth";
    private String nc = "00000001";
    private String cnonce = "0a4f113b";
    private boolean sendAlgorithm = true;

    private DigestClient() {
    }

    /** A client answering this WWW-Authenticate value with its realm, nonce and algorithm. */
    static DigestClient answering(String wwwAuthenticate) {
        DigestClient client = new DigestClient();
        Matcher matcher = PARAMETER.matcher(wwwAuthenticate);
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            switch (matcher.group(1)) {
                case "realm" -> client.realm = value;
                case "nonce" -> client.nonce = value;
                case "algorithm" -> client.algorithm = value;
                default -> { }
            }
        }
        return client;
    }

    DigestClient user(String username, String password) {
        DigestClient copy = copy();
        copy.username = username;
        copy.password = password;
        return copy;
    }

    /** Answers from a precomputed H(username:realm:password), as clients that store HA1 do. */
    DigestClient userWithHa1(String username, String ha1) {
        DigestClient copy = copy();
        copy.username = username;
        copy.ha1 = ha1;
        return copy;
    }

    DigestClient method(String method) {
        DigestClient copy = copy();
        copy.method = method;
        return copy;
    }

    DigestClient uri(String uri) {
        DigestClient copy = copy();
        copy.uri = uri;
        return copy;
    }

    DigestClient nc(int count) {
        DigestClient copy = copy();
        copy.nc = String.format("%08x", count);
        return copy;
    }

    DigestClient cnonce(String cnonce) {
        DigestClient copy = copy();
        copy.cnonce = cnonce;
        return copy;
    }

    DigestClient algorithm(String algorithm) {
        DigestClient copy = copy();
        copy.algorithm = algorithm;
        return copy;
    }

    DigestClient nonce(String nonce) {
        DigestClient copy = copy();
        copy.nonce = nonce;
        return copy;
    }

    DigestClient realm(String realm) {
        DigestClient copy = copy();
        copy.realm = realm;
        return copy;
    }

    /** Leaves algorithm= out of the header (hashing as MD5, the default it then means). */
    DigestClient withoutAlgorithmParameter() {
        DigestClient copy = copy();
        copy.sendAlgorithm = false;
        return copy;
    }

    /** Answers in the RFC 2069 form, without qop, nc and cnonce. */
    DigestClient withoutQop() {
        DigestClient copy = copy();
        copy.qop = null;
        return copy;
    }

    DigestClient qop(String qop) {
        DigestClient copy = copy();
        copy.qop = qop;
        return copy;
    }

    String nonce() {
        return nonce;
    }

    /** The Authorization header value. */
    String authorization() {
        StringBuilder header = new StringBuilder("Digest username=\"").append(username)
                .append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response()).append('"');
        if (sendAlgorithm) {
            header.append(", algorithm=").append(algorithmName());
        }
        if (qop != null) {
            header.append(", qop=").append(qop).append(", nc=").append(nc)
                    .append(", cnonce=\"").append(cnonce).append('"');
        }
        return header.toString();
    }

    String response() {
        String a1Hash = ha1 != null ? ha1 : hash(username + ":" + realm + ":" + password);
        if (algorithmName().endsWith("-sess")) {
            a1Hash = hash(a1Hash + ":" + nonce + ":" + cnonce);
        }
        String a2Hash = hash(method + ":" + uri);
        return qop == null
                ? hash(a1Hash + ":" + nonce + ":" + a2Hash)
                : hash(a1Hash + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + a2Hash);
    }

    private String algorithmName() {
        return algorithm == null ? "MD5" : algorithm;
    }

    private String hash(String text) {
        String base = algorithmName().replace("-sess", "");
        String jdkName = base.equals("SHA-512-256") ? "SHA-512/256" : base;
        try {
            byte[] digest = MessageDigest.getInstance(jdkName).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("the test client cannot hash with " + algorithmName(), e);
        }
    }

    private DigestClient copy() {
        DigestClient copy = new DigestClient();
        copy.realm = realm;
        copy.nonce = nonce;
        copy.algorithm = algorithm;
        copy.username = username;
        copy.password = password;
        copy.ha1 = ha1;
        copy.method = method;
        copy.uri = uri;
        copy.qop = qop;
        copy.nc = nc;
        copy.cnonce = cnonce;
        copy.sendAlgorithm = sendAlgorithm;
        return copy;
    }
}
