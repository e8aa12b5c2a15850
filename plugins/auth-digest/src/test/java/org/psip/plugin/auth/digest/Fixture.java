package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.psip.api.Admission;
import org.psip.api.Authenticator.Challenge;
import org.psip.api.Authenticator.Request;
import org.psip.api.Authenticator.Result;
import org.psip.api.Credential;

/** The realm, users, sources and requests the authenticator tests share. */
final class Fixture {

    static final String REALM = "acme.sip.example.com";
    static final String REQUEST_URI = "sip:1234@acme.sip.example.com";
    static final String SECRET = "shared-by-every-node";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final InetAddress SOURCE = address("192.0.2.10");
    static final InetAddress OTHER_SOURCE = address("198.51.100.20");

    /** alice has a password; bob only stored HA1s, for MD5 and SHA-256. */
    static final Map<String, Credential> USERS = Map.of(
            "alice", Credential.ofPassword("alice", "wonderland"),
            "bob", new Credential("bob", null, Map.of(
                    "MD5", hash("MD5", "bob:" + REALM + ":builder"),
                    "SHA-256", hash("SHA-256", "bob:" + REALM + ":builder"))));

    final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    final DigestAuthenticator authenticator;

    Fixture() {
        this(ThrottleSettings.DEFAULT);
    }

    Fixture(ThrottleSettings throttle) {
        this.authenticator = new DigestAuthenticator(SECRET, LIFETIME, clock, throttle);
    }

    static Admission admission(String... algorithms) {
        return new Admission(List.of("0.0.0.0/0"), true, REALM, Arrays.asList(algorithms), USERS);
    }

    static Request request(Admission admission, InetAddress source, String... authorization) {
        return new Request("INVITE", REQUEST_URI, source, Arrays.asList(authorization), admission);
    }

    Result send(Admission admission, String... authorization) {
        return authenticator.authenticate(request(admission, SOURCE, authorization));
    }

    /** Asks for a challenge and returns a client ready to answer its first value. */
    DigestClient challenged(Admission admission) {
        return challenged(admission, SOURCE);
    }

    DigestClient challenged(Admission admission, InetAddress source) {
        Result result = authenticator.authenticate(request(admission, source));
        assertThat(result).isInstanceOf(Challenge.class);
        return DigestClient.answering(((Challenge) result).wwwAuthenticate().get(0));
    }

    static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
