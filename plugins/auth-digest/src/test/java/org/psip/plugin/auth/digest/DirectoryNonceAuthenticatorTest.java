package org.psip.plugin.auth.digest;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.psip.api.Admission;
import org.psip.api.Authenticator.Accepted;
import org.psip.api.Authenticator.Challenge;
import org.psip.api.Authenticator.Rejected;
import org.psip.api.Authenticator.Result;
import org.psip.api.GatewaySettings;

import static org.assertj.core.api.Assertions.assertThat;

/** Digest-based plugins sign nonces with the directory's secret, so one can take over from another mid-call. */
class DirectoryNonceAuthenticatorTest {

    private final AtomicReference<GatewaySettings> directorySettings =
            new AtomicReference<>(settingsWithSecret("secret-one"));
    private final Admission admission = Fixture.admission("MD5");

    @Test
    void a_challenge_from_one_plugin_is_answered_to_another_on_the_same_directory() {
        DirectoryNonceAuthenticator first = authenticator();
        DirectoryNonceAuthenticator second = authenticator();

        String answer = answer(first.authenticate(Fixture.request(admission, Fixture.SOURCE)));

        assertThat(second.authenticate(Fixture.request(admission, Fixture.SOURCE, answer)))
                .isEqualTo(new Accepted("alice"));
    }

    @Test
    void a_new_directory_secret_takes_effect_on_the_next_call() {
        DirectoryNonceAuthenticator authenticator = authenticator();
        String signedWithTheOldSecret = answer(authenticator.authenticate(Fixture.request(admission, Fixture.SOURCE)));

        directorySettings.set(settingsWithSecret("secret-two"));

        assertThat(authenticator.authenticate(Fixture.request(admission, Fixture.SOURCE, signedWithTheOldSecret)))
                .isEqualTo(new Rejected(403, "invalid nonce", null));
    }

    @Test
    void without_a_directory_the_caller_gets_503_not_an_exception() {
        directorySettings.set(null);

        Result result = authenticator().authenticate(Fixture.request(admission, Fixture.SOURCE));

        assertThat(result).isInstanceOf(Rejected.class);
        assertThat(((Rejected) result).statusCode()).isEqualTo(503);
        assertThat(((Rejected) result).retryAfter()).isNotNull();
    }

    private DirectoryNonceAuthenticator authenticator() {
        return new DirectoryNonceAuthenticator(directorySettings::get, settings -> new DigestAuthenticator(
                settings.nonceSecret(), settings.nonceLifetime(), Clock.systemUTC(), ThrottleSettings.DEFAULT));
    }

    private static String answer(Result challenge) {
        assertThat(challenge).isInstanceOf(Challenge.class);
        return DigestClient.answering(((Challenge) challenge).wwwAuthenticate().get(0))
                .user("alice", "wonderland").authorization();
    }

    private static GatewaySettings settingsWithSecret(String nonceSecret) {
        return new GatewaySettings("example.com", "us", List.of(), nonceSecret, Fixture.LIFETIME);
    }
}
