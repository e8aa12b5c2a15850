package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizationParserTest {

    private static final String REQUIRED = "username=\"bob\", realm=\"biloxi.com\", nonce=\"n\", "
            + "uri=\"sip:bob@biloxi.com\", response=\"abc\"";

    @Test
    void reads_every_parameter_psip_uses() throws Exception {
        DigestCredentials credentials = AuthorizationParser.parse("Digest username=\"bob\", realm=\"biloxi.com\", "
                + "nonce=\"dcd98b\", uri=\"sip:bob@biloxi.com\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", "
                + "response=\"6629fae4\", algorithm=SHA-256, opaque=\"5ccc069c\"");

        assertThat(credentials).isEqualTo(new DigestCredentials("bob", "biloxi.com", "dcd98b", "sip:bob@biloxi.com",
                "6629fae4", "SHA-256", "auth", "00000001", "0a4f113b"));
    }

    @ParameterizedTest
    @CsvSource({"Digest", "digest", "DIGEST", "dIgEsT"})
    void scheme_is_case_insensitive(String scheme) throws Exception {
        assertThat(AuthorizationParser.parse(scheme + " " + REQUIRED).username()).isEqualTo("bob");
    }

    @Test
    void parameter_names_are_case_insensitive() throws Exception {
        DigestCredentials credentials = AuthorizationParser.parse("Digest USERNAME=\"bob\", Realm=\"biloxi.com\", "
                + "NONCE=\"n\", Uri=\"sip:bob@biloxi.com\", Response=\"abc\", NC=00000002, QOP=auth");

        assertThat(credentials.username()).isEqualTo("bob");
        assertThat(credentials.realm()).isEqualTo("biloxi.com");
        assertThat(credentials.nc()).isEqualTo("00000002");
        assertThat(credentials.qop()).isEqualTo("auth");
    }

    @Test
    void whitespace_around_commas_and_equals_signs_is_optional() throws Exception {
        DigestCredentials credentials = AuthorizationParser.parse("  Digest\tusername = \"bob\" ,realm=\"biloxi.com\","
                + "nonce =\"n\",\r\n uri= \"sip:bob@biloxi.com\"  ,  response=\"abc\",qop=auth");

        assertThat(credentials).isEqualTo(new DigestCredentials("bob", "biloxi.com", "n", "sip:bob@biloxi.com",
                "abc", null, "auth", null, null));
    }

    @Test
    void empty_list_elements_are_skipped() throws Exception {
        DigestCredentials credentials = AuthorizationParser.parse("Digest ,, username=\"bob\",,, realm=\"biloxi.com\","
                + " , nonce=\"n\", uri=\"sip:bob@biloxi.com\", response=\"abc\",");

        assertThat(credentials.response()).isEqualTo("abc");
    }

    @Test
    void backslash_escapes_in_quoted_values_are_undone() throws Exception {
        DigestCredentials credentials = AuthorizationParser.parse(
                "Digest username=\"a\\\"b\\\\c\\d\", " + REQUIRED.substring(REQUIRED.indexOf("realm")));

        assertThat(credentials.username()).isEqualTo("a\"b\\cd");
    }

    @Test
    void commas_and_equals_signs_inside_quoted_values_belong_to_the_value() throws Exception {
        DigestCredentials credentials = AuthorizationParser.parse(
                "Digest realm=\"a, b=c\", username=\"bob\", nonce=\"n\", uri=\"sip:bob@biloxi.com\", response=\"x\"");

        assertThat(credentials.realm()).isEqualTo("a, b=c");
    }

    @Test
    void unquoted_values_are_read_up_to_the_next_separator() throws Exception {
        DigestCredentials credentials = AuthorizationParser.parse(
                "Digest algorithm=MD5-sess,qop=auth , nc=0000000a, uri=sip:bob@biloxi.com, username=bob, "
                        + "realm=\"biloxi.com\", nonce=\"n\", response=\"abc\"");

        assertThat(credentials.algorithm()).isEqualTo("MD5-sess");
        assertThat(credentials.qop()).isEqualTo("auth");
        assertThat(credentials.nc()).isEqualTo("0000000a");
        assertThat(credentials.uri()).isEqualTo("sip:bob@biloxi.com");
    }

    @Test
    void unknown_parameters_are_ignored() throws Exception {
        DigestCredentials credentials = AuthorizationParser.parse(
                "Digest " + REQUIRED + ", opaque=\"o\", userhash=false, future-param=\"x,y\", charset=UTF-8");

        assertThat(credentials.username()).isEqualTo("bob");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Basic Ym9iOnphbnppYmFy",
        "DigestX username=\"bob\"",
        "Bearer abc",
        "''"})
    void other_schemes_are_not_read_as_digest(String value) throws Exception {
        assertThat(AuthorizationParser.parse(value)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Digest                                                    | no username parameter",
        "Digest username=\"bob\"                                   | no realm parameter",
        "Digest username=\"bob                                     | unterminated quoted value of username",
        "Digest username=\"bob\\                                   | unterminated quoted value of username",
        "Digest username                                           | parameter username has no value",
        "Digest username=                                          | parameter username has no value",
        "Digest username=, realm=\"r\"                             | parameter username has no value",
        "Digest username=\"bob\" realm=\"r\"                       | expected ',' after parameter username",
        "Digest username=\"bob\"x, realm=\"r\"                     | expected ',' after parameter username",
        "Digest username=\"a\", USERNAME=\"b\"                     | parameter username appears twice",
        "Digest =\"bob\"                                           | unexpected '='",
        "Digest \"bob\"                                            | unexpected U+0022",
        "Digest usérname=\"bob\"                                   | unexpected U+00E9 after us",
        "Digest username:\"bob\"                                   | unexpected ':' after username",
        "Digest username=\"bob\", \u0000=x                          | unexpected U+0000"})
    void malformed_values_are_refused_with_a_clear_reason(String value, String reason) {
        assertThatThrownBy(() -> AuthorizationParser.parse(value))
                .isInstanceOf(MalformedAuthorizationException.class)
                .hasMessage(reason);
    }

    @Test
    void the_credentials_for_the_requested_realm_are_chosen_among_several() throws Exception {
        List<String> values = List.of(
                "Digest username=\"proxy-user\", realm=\"proxy.example.net\", nonce=\"1\", uri=\"sip:x\", response=\"a\"",
                "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"2\", uri=\"sip:x\", response=\"b\"");

        assertThat(AuthorizationParser.forRealm(values, "biloxi.com").username()).isEqualTo("bob");
        assertThat(AuthorizationParser.forRealm(values, "proxy.example.net").username()).isEqualTo("proxy-user");
        assertThat(AuthorizationParser.forRealm(values, "BILOXI.COM")).isNull();
        assertThat(AuthorizationParser.forRealm(values, "elsewhere")).isNull();
        assertThat(AuthorizationParser.forRealm(List.of(), "biloxi.com")).isNull();
        assertThat(AuthorizationParser.forRealm(null, "biloxi.com")).isNull();
        assertThat(AuthorizationParser.forRealm(Arrays.asList((String) null), "biloxi.com")).isNull();
    }

    @Test
    void a_malformed_value_does_not_hide_a_good_one_for_the_realm() throws Exception {
        List<String> values = List.of("Digest username=\"broken", "Digest " + REQUIRED);

        assertThat(AuthorizationParser.forRealm(values, "biloxi.com").username()).isEqualTo("bob");
    }

    @Test
    void a_malformed_value_is_reported_when_no_value_is_for_the_realm() {
        List<String> values = List.of("Digest username=\"broken", "Basic Ym9i");

        assertThatThrownBy(() -> AuthorizationParser.forRealm(values, "biloxi.com"))
                .isInstanceOf(MalformedAuthorizationException.class)
                .hasMessage("unterminated quoted value of username");
    }
}
