package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psip.plugin.auth.digest.Fixture.LIFETIME;
import static org.psip.plugin.auth.digest.Fixture.SOURCE;
import static org.psip.plugin.auth.digest.Fixture.admission;
import static org.psip.plugin.auth.digest.Fixture.request;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psip.api.Admission;
import org.psip.api.Authenticator.Accepted;
import org.psip.api.Authenticator.Challenge;
import org.psip.api.Authenticator.Rejected;
import org.psip.api.Authenticator.Result;

/** Nonces over time and across nodes, and replays of accepted credentials. */
class NonceLifecycleTest {

    private final Fixture fixture = new Fixture();
    private final Admission md5 = admission("MD5");

    @Test
    void expired_nonce_with_correct_credentials_is_challenged_again_with_stale_true() {
        Admission both = admission("SHA-256", "MD5");
        DigestClient client = fixture.challenged(both);
        fixture.clock.advance(LIFETIME.plusMillis(1));

        Result result = fixture.send(both, client.authorization());

        assertThat(result).isInstanceOf(Challenge.class);
        Challenge challenge = (Challenge) result;
        assertThat(challenge.reason()).isEqualTo("nonce expired");
        assertThat(challenge.wwwAuthenticate()).hasSize(2).allSatisfy(value -> assertThat(value).endsWith(", stale=true"));
        DigestClient retry = DigestClient.answering(challenge.wwwAuthenticate().get(0));
        assertThat(retry.nonce()).isNotEqualTo(client.nonce());
        assertThat(fixture.send(both, retry.authorization())).isEqualTo(new Accepted("alice"));
    }

    @Test
    void nonce_is_still_good_at_the_end_of_its_lifetime() {
        DigestClient client = fixture.challenged(md5);
        fixture.clock.advance(LIFETIME);

        assertThat(fixture.send(md5, client.authorization())).isEqualTo(new Accepted("alice"));
    }

    @Test
    void expired_nonce_with_a_wrong_password_is_rejected_not_challenged() {
        DigestClient client = fixture.challenged(md5).user("alice", "looking-glass");
        fixture.clock.advance(LIFETIME.plusMillis(1));

        assertThat(fixture.send(md5, client.authorization())).isEqualTo(new Rejected(403, "wrong credentials", null));
    }

    @Test
    void replayed_authorization_is_rejected_with_403() {
        String authorization = fixture.challenged(md5).authorization();
        assertThat(fixture.send(md5, authorization)).isEqualTo(new Accepted("alice"));

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "replayed credentials", null));
    }

    @Test
    void next_nonce_count_on_the_same_nonce_is_accepted() {
        DigestClient client = fixture.challenged(md5);

        assertThat(fixture.send(md5, client.nc(1).authorization())).isEqualTo(new Accepted("alice"));
        assertThat(fixture.send(md5, client.nc(2).authorization())).isEqualTo(new Accepted("alice"));
        assertThat(fixture.send(md5, client.nc(7).authorization())).isEqualTo(new Accepted("alice"));
    }

    @Test
    void nonce_count_going_back_is_a_replay() {
        DigestClient client = fixture.challenged(md5);
        fixture.send(md5, client.nc(3).authorization());

        assertThat(fixture.send(md5, client.nc(2).authorization()))
                .isEqualTo(new Rejected(403, "replayed credentials", null));
    }

    @Test
    void a_new_cnonce_on_the_same_nonce_starts_its_own_count() {
        DigestClient client = fixture.challenged(md5);
        fixture.send(md5, client.cnonce("first").authorization());

        assertThat(fixture.send(md5, client.cnonce("second").authorization())).isEqualTo(new Accepted("alice"));
    }

    @Test
    void nonce_from_another_node_with_the_same_secret_is_accepted() {
        DigestAuthenticator otherNode = new DigestAuthenticator(Fixture.SECRET, LIFETIME, fixture.clock,
                ThrottleSettings.DEFAULT);
        DigestClient client = fixture.challenged(md5);

        Result result = otherNode.authenticate(request(md5, SOURCE, client.authorization()));

        assertThat(result).isEqualTo(new Accepted("alice"));
    }

    @Test
    void nonce_signed_with_another_secret_is_rejected() {
        DigestAuthenticator foreign = new DigestAuthenticator("not our secret", LIFETIME, fixture.clock,
                ThrottleSettings.DEFAULT);
        Challenge foreignChallenge = (Challenge) foreign.authenticate(request(md5, SOURCE));
        String authorization = DigestClient.answering(foreignChallenge.wwwAuthenticate().get(0)).authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "invalid nonce", null));
    }

    @Test
    void nonce_issued_for_another_realm_is_rejected() {
        Admission other = new Admission(List.of(), true, "other.sip.example.com", null, Fixture.USERS);
        String otherNonce = fixture.challenged(other).nonce();
        String authorization = fixture.challenged(md5).nonce(otherNonce).authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Rejected(403, "invalid nonce", null));
    }

    @Test
    void made_up_nonce_is_rejected() {
        DigestClient client = fixture.challenged(md5);
        String padded = client.nonce().substring(0, 62) + "==";

        assertThat(fixture.send(md5, client.nonce("dcd98b7102dd2f0e8b11d0f600bfb0c093").authorization()))
                .isEqualTo(new Rejected(403, "invalid nonce", null));
        assertThat(fixture.send(md5, client.nonce(padded).authorization()))
                .isEqualTo(new Rejected(403, "invalid nonce", null));
    }

    @Test
    void full_replay_cache_answers_503_rather_than_forget_accepted_nonces() {
        DigestAuthenticator tiny = new DigestAuthenticator(Fixture.SECRET, LIFETIME, fixture.clock,
                ThrottleSettings.DEFAULT, 1);
        String first = fixture.challenged(md5).authorization();
        String second = fixture.challenged(md5).authorization();
        assertThat(tiny.authenticate(request(md5, SOURCE, first))).isEqualTo(new Accepted("alice"));

        assertThat(tiny.authenticate(request(md5, SOURCE, second)))
                .isEqualTo(new Rejected(503, "replay cache full", Duration.ofSeconds(5)));
        assertThat(tiny.authenticate(request(md5, SOURCE, first)))
                .isEqualTo(new Rejected(403, "replayed credentials", null));
    }
}
