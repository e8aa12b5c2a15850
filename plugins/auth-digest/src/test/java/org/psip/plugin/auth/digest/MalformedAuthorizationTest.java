package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.psip.plugin.auth.digest.Fixture.SOURCE;
import static org.psip.plugin.auth.digest.Fixture.admission;
import static org.psip.plugin.auth.digest.Fixture.request;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psip.api.Admission;
import org.psip.api.Authenticator.Challenge;
import org.psip.api.Authenticator.Rejected;
import org.psip.api.Authenticator.Result;

/** Whatever a caller sends, the answer is a 401 or a 403 with a reason, never an exception. */
class MalformedAuthorizationTest {

    private static final String FOR_REALM = "realm=\"acme.sip.example.com\", ";
    private static final String NONCE = "nonce=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\", ";

    private final Fixture fixture = new Fixture();
    private final Admission md5 = admission("MD5");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Digest                                                | malformed Authorization: no username parameter",
        "Digest username=\"alice                               | malformed Authorization: unterminated quoted value of username",
        "digest username=\"alice\" realm=\"x\"                 | malformed Authorization: expected ',' after parameter username",
        "Digest username=\"alice\", username=\"bob\"           | malformed Authorization: parameter username appears twice",
        "Digest ===                                            | malformed Authorization: unexpected '='",
        "Digest username=\"alice\", " + FOR_REALM + "nonce=\"n\" | malformed Authorization: no uri parameter"})
    void unreadable_digest_credentials_are_rejected_with_403(String authorization, String reason) {
        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, reason, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nc=00000001, qop=auth                     | malformed Authorization: no cnonce parameter",
        "cnonce=\"c\", qop=auth                    | malformed Authorization: nc is not a hexadecimal count",
        "cnonce=\"c\", qop=auth, nc=0000000g       | malformed Authorization: nc is not a hexadecimal count",
        "cnonce=\"c\", qop=auth, nc=123456789      | malformed Authorization: nc is not a hexadecimal count",
        "cnonce=\"\", qop=auth, nc=00000001        | malformed Authorization: no cnonce parameter",
        // well-formed (an extra parameter, a needlessly quoted qop): they get as far as the nonce check
        "cnonce=\"c\", qop=auth, nc=00000001, uri2=\"x\" | invalid nonce",
        "cnonce=\"c\", qop=\"auth\", nc=00000001   | invalid nonce"})
    void incomplete_or_bad_qop_parameters_are_rejected_with_403(String parameters, String reason) {
        String authorization = "Digest username=\"alice\", " + FOR_REALM + NONCE
                + "uri=\"sip:1234@acme.sip.example.com\", response=\"6629fae49393a05397450978507c4ef1\", " + parameters;

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, reason, null));
    }

    @Test
    void response_that_is_not_hex_is_wrong_credentials() {
        String authorization = fixture.challenged(md5).authorization()
                .replaceFirst("response=\"[0-9a-f]+\"", "response=\"not hex at all\"");

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "wrong credentials", null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"''", "Basic YWxpY2U6d29uZGVybGFuZA==", "Bearer token", "Digestive biscuit"})
    void authorization_of_another_scheme_is_challenged(String authorization) {
        Result result = fixture.send(md5, authorization);

        assertThat(result).isInstanceOf(Challenge.class);
    }

    @Test
    void null_authorization_list_and_null_values_are_challenged() {
        assertThat(fixture.authenticator.authenticate(new org.psip.api.Authenticator.Request(
                "INVITE", Fixture.REQUEST_URI, SOURCE, null, md5))).isInstanceOf(Challenge.class);
        assertThat(fixture.authenticator.authenticate(request(md5, SOURCE, (String) null)))
                .isInstanceOf(Challenge.class);
    }

    @Test
    void random_garbage_never_escapes_as_an_exception() {
        Random random = new Random(3261);
        String alphabet = "Digest usernamrlcoqp=\"\\,; \t\r\n:@éΩ\u0000" + "abcdefABCDEF0123456789";
        DigestClient client = fixture.challenged(md5);
        String good = client.authorization();
        for (int i = 0; i < 6_000; i++) {
            String garbage = switch (i % 3) {
                case 0 -> randomText(random, alphabet, 1 + random.nextInt(80));
                case 1 -> mutate(random, good, alphabet);
                default -> client.nonce(mutate(random, client.nonce(), "AZaz09-_=+/")).authorization();
            };
            assertThatCode(() -> {
                Result result = fixture.authenticator.authenticate(request(md5, null, garbage));
                assertThat(result).isInstanceOfAny(Challenge.class, Rejected.class,
                        org.psip.api.Authenticator.Accepted.class);
            }).as(garbage).doesNotThrowAnyException();
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "Digest " : "");
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** A real answer with a few characters replaced, cut or doubled. */
    private static String mutate(Random random, String authorization, String alphabet) {
        StringBuilder text = new StringBuilder(authorization);
        for (int edits = 1 + random.nextInt(4); edits > 0 && text.length() > 0; edits--) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> text.deleteCharAt(at);
                default -> text.insert(at, text.charAt(at));
            }
        }
        return text.toString();
    }
}
