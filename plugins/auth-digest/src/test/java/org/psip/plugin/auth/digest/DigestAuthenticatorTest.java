package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psip.plugin.auth.digest.Fixture.REALM;
import static org.psip.plugin.auth.digest.Fixture.admission;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psip.api.Admission;
import org.psip.api.Authenticator.Accepted;
import org.psip.api.Authenticator.Challenge;
import org.psip.api.Authenticator.Rejected;
import org.psip.api.Authenticator.Result;

/** Challenges and the round trip from challenge to answer, with good and bad credentials. */
class DigestAuthenticatorTest {

    private final Fixture fixture = new Fixture();
    private final Admission md5 = admission("MD5");

    @Test
    void request_without_authorization_is_challenged_with_md5_alone_by_default() {
        Admission byDefault = new Admission(List.of(), true, REALM, null, Fixture.USERS);

        Result result = fixture.send(byDefault);

        assertThat(result).isInstanceOf(Challenge.class);
        Challenge challenge = (Challenge) result;
        assertThat(challenge.reason()).isEqualTo("credentials required");
        assertThat(challenge.wwwAuthenticate()).singleElement().asString()
                .matches("Digest realm=\"acme\\.sip\\.example\\.com\", nonce=\"[A-Za-z0-9_-]{64}\", "
                        + "algorithm=MD5, qop=\"auth\"");
    }

    @Test
    void challenge_has_one_value_per_offered_algorithm_in_the_admission_order_with_one_nonce() {
        Challenge challenge = (Challenge) fixture.send(admission("SHA-256", "MD5", "SHA-512-256"));

        assertThat(challenge.wwwAuthenticate()).hasSize(3);
        assertThat(challenge.wwwAuthenticate()).extracting(v -> DigestClient.answering(v).nonce()).containsOnly(
                DigestClient.answering(challenge.wwwAuthenticate().get(0)).nonce());
        assertThat(challenge.wwwAuthenticate().get(0)).contains("algorithm=SHA-256,");
        assertThat(challenge.wwwAuthenticate().get(1)).contains("algorithm=MD5,");
        assertThat(challenge.wwwAuthenticate().get(2)).contains("algorithm=SHA-512-256,");
    }

    @Test
    void every_challenge_gets_a_fresh_nonce() {
        String first = fixture.challenged(md5).nonce();
        String second = fixture.challenged(md5).nonce();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void realm_with_quotes_is_escaped_in_the_challenge() {
        Admission quoted = new Admission(List.of(), true, "say \"hi\"", null, Fixture.USERS);

        Challenge challenge = (Challenge) fixture.send(quoted);

        assertThat(challenge.wwwAuthenticate().get(0)).startsWith("Digest realm=\"say \\\"hi\\\"\", ");
    }

    @Test
    void authorization_for_another_realm_only_is_challenged() {
        String forElsewhere = fixture.challenged(md5).realm("elsewhere.example.com").authorization();

        Result result = fixture.send(md5, forElsewhere);

        assertThat(result).isInstanceOf(Challenge.class);
        assertThat(((Challenge) result).reason()).isEqualTo("credentials required");
    }

    @Test
    void correct_md5_answer_is_accepted() {
        String authorization = fixture.challenged(md5).authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Accepted("alice"));
    }

    @Test
    void answer_without_algorithm_parameter_is_read_as_md5() {
        String authorization = fixture.challenged(md5).withoutAlgorithmParameter().authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Accepted("alice"));
    }

    @Test
    void correct_sha256_answer_is_accepted() {
        Admission sha256 = admission("SHA-256");
        String authorization = fixture.challenged(sha256).authorization();

        assertThat(authorization).contains("algorithm=SHA-256");
        assertThat(fixture.send(sha256, authorization)).isEqualTo(new Accepted("alice"));
    }

    @Test
    void sha256_and_md5_answers_to_the_same_challenge_are_both_verified() {
        Admission both = admission("SHA-256", "MD5");
        DigestClient client = fixture.challenged(both);

        assertThat(fixture.send(both, client.algorithm("MD5").authorization())).isEqualTo(new Accepted("alice"));
        assertThat(fixture.send(both, client.algorithm("SHA-256").nc(2).authorization()))
                .isEqualTo(new Accepted("alice"));
        assertThat(fixture.send(both, client.algorithm("SHA-256").user("alice", "guess").nc(3).authorization()))
                .isEqualTo(new Rejected(403, "wrong credentials", null));
    }

    @Test
    void algorithm_names_are_case_insensitive_in_configuration_and_answers() {
        Admission lowerCase = admission("sha-256");
        DigestClient client = fixture.challenged(lowerCase);

        assertThat(client.authorization()).contains("algorithm=SHA-256");
        assertThat(fixture.send(lowerCase, client.algorithm("sha-256").authorization()))
                .isEqualTo(new Accepted("alice"));
    }

    @Test
    void correct_sha512_256_answer_is_accepted() {
        Admission sha512 = admission("SHA-512-256");
        String authorization = fixture.challenged(sha512).authorization();

        assertThat(fixture.send(sha512, authorization)).isEqualTo(new Accepted("alice"));
    }

    @Test
    void correct_answers_with_every_sess_variant_are_accepted() {
        Admission sess = admission("MD5-sess", "SHA-256-sess", "SHA-512-256-sess");
        DigestClient client = fixture.challenged(sess);

        assertThat(fixture.send(sess, client.algorithm("MD5-sess").cnonce("1").authorization()))
                .isEqualTo(new Accepted("alice"));
        assertThat(fixture.send(sess, client.algorithm("SHA-256-sess").cnonce("2").authorization()))
                .isEqualTo(new Accepted("alice"));
        assertThat(fixture.send(sess, client.algorithm("SHA-512-256-sess").cnonce("3").authorization()))
                .isEqualTo(new Accepted("alice"));
    }

    @Test
    void wrong_password_is_rejected_with_403() {
        String authorization = fixture.challenged(md5).user("alice", "looking-glass").authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "wrong credentials", null));
    }

    @Test
    void unknown_user_is_rejected_with_the_same_403_as_a_wrong_password() {
        String authorization = fixture.challenged(md5).user("mallory", "wonderland").authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "wrong credentials", null));
    }

    @Test
    void unknown_user_is_rejected_even_when_the_response_matches_the_decoy_password() {
        // psip hashes an empty password for unknown users so that they take as long as known ones
        String authorization = fixture.challenged(md5).user("mallory", "").authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "wrong credentials", null));
    }

    @Test
    void stored_ha1_verifies_instead_of_a_password() {
        Admission both = admission("MD5", "SHA-256");
        DigestClient bob = fixture.challenged(both).user("bob", "builder");

        assertThat(fixture.send(both, bob.authorization())).isEqualTo(new Accepted("bob"));
        assertThat(fixture.send(both, bob.algorithm("SHA-256").nc(2).authorization())).isEqualTo(new Accepted("bob"));
        assertThat(fixture.send(both, bob.user("bob", "fixer").nc(3).authorization()))
                .isEqualTo(new Rejected(403, "wrong credentials", null));
    }

    @Test
    void stored_md5_ha1_serves_md5_sess_too() {
        Admission sess = admission("MD5-sess");
        String authorization = fixture.challenged(sess).user("bob", "builder").authorization();

        assertThat(fixture.send(sess, authorization)).isEqualTo(new Accepted("bob"));
    }

    @Test
    void client_that_stores_ha1_is_accepted() {
        String ha1 = Fixture.hash("MD5", "alice:" + REALM + ":wonderland");
        String authorization = fixture.challenged(md5).userWithHa1("alice", ha1).authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Accepted("alice"));
    }

    @Test
    void user_with_no_ha1_for_the_answered_algorithm_is_rejected() {
        Admission sha512 = admission("SHA-512-256");
        DigestClient bob = fixture.challenged(sha512);

        assertThat(fixture.send(sha512, bob.user("bob", "builder").authorization()))
                .isEqualTo(new Rejected(403, "wrong credentials", null));
        assertThat(fixture.send(sha512, bob.user("bob", "").authorization()))
                .isEqualTo(new Rejected(403, "wrong credentials", null));
    }

    @Test
    void answer_with_an_algorithm_not_offered_is_rejected() {
        DigestClient client = fixture.challenged(md5);

        assertThat(fixture.send(md5, client.algorithm("SHA-256").authorization()))
                .isEqualTo(new Rejected(403, "algorithm not offered", null));
        assertThat(fixture.send(md5, client.algorithm("SHA-1").authorization()))
                .isEqualTo(new Rejected(403, "algorithm not offered", null));
    }

    @Test
    void answer_computed_for_another_method_is_rejected() {
        String authorization = fixture.challenged(md5).method("REGISTER").authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "wrong credentials", null));
    }

    @Test
    void response_in_upper_case_hex_is_accepted() {
        DigestClient client = fixture.challenged(md5);
        String response = client.response();
        String authorization = client.authorization().replace(response, response.toUpperCase());

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Accepted("alice"));
    }

    @Test
    void digest_uri_of_the_target_rather_than_the_request_uri_is_accepted() {
        // SIPp signs its target, sip:host:port, while the Request-URI names the number called.
        String authorization = fixture.challenged(md5).uri("sip:127.0.0.1:5060").authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Accepted("alice"));
    }

    @Test
    void sips_digest_uri_is_accepted() {
        String authorization = fixture.challenged(md5).uri("sips:1234@acme.sip.example.com").authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Accepted("alice"));
    }

    @Test
    void digest_uri_that_is_not_a_sip_uri_is_rejected() {
        String authorization = fixture.challenged(md5).uri("http://acme.sip.example.com/").authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "digest uri is not a SIP URI", null));
    }

    @Test
    void answer_without_qop_is_rejected_although_its_rfc2069_digest_is_right() {
        String authorization = fixture.challenged(md5).withoutQop().authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "qop=auth required", null));
    }

    @Test
    void answer_with_qop_auth_int_is_rejected() {
        String authorization = fixture.challenged(md5).qop("auth-int").authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "qop other than auth not offered", null));
    }

    @Test
    void of_several_authorization_headers_the_one_for_this_realm_is_used() {
        DigestClient client = fixture.challenged(md5);
        String forProxy = client.realm("proxy.example.net").user("alice", "other").authorization();

        assertThat(fixture.send(md5, forProxy, client.authorization())).isEqualTo(new Accepted("alice"));
    }

    @Test
    void unsupported_algorithm_in_the_configuration_is_a_server_error_not_a_challenge() {
        Result result = fixture.send(admission("MD5", "SHA-1"));

        assertThat(result).isEqualTo(new Rejected(500,
                "unsupported digest algorithm SHA-1 configured for realm " + REALM, null));
    }
}
