package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psip.plugin.auth.digest.Fixture.OTHER_SOURCE;
import static org.psip.plugin.auth.digest.Fixture.SOURCE;
import static org.psip.plugin.auth.digest.Fixture.admission;
import static org.psip.plugin.auth.digest.Fixture.request;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.psip.api.Admission;
import org.psip.api.Authenticator.Accepted;
import org.psip.api.Authenticator.Challenge;
import org.psip.api.Authenticator.Rejected;
import org.psip.api.Authenticator.Result;

/** Failure throttling through the authenticator, with the default five failures a minute. */
class ThrottleTest {

    private static final Rejected WRONG = new Rejected(403, "wrong credentials", null);

    private final Fixture fixture = new Fixture();
    private final Admission md5 = admission("MD5");

    /** Five wrong passwords from SOURCE, one a second. */
    private void failFiveTimes() {
        for (int i = 0; i < 5; i++) {
            String guess = fixture.challenged(md5).user("alice", "guess-" + i).authorization();
            assertThat(fixture.send(md5, guess)).isEqualTo(WRONG);
            fixture.clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void sixth_failure_within_the_window_is_answered_503_with_the_time_until_the_window_frees() {
        String sixthGuess = fixture.challenged(md5).user("alice", "guess-5").authorization();
        failFiveTimes();

        Result result = fixture.send(md5, sixthGuess);

        // failures at 0 s .. 4 s, now 5 s: the first one leaves the 60 s window in 55 s
        assertThat(result).isEqualTo(new Rejected(503, "too many authentication failures", Duration.ofSeconds(55)));
    }

    @Test
    void throttled_source_is_refused_even_with_the_right_password() {
        String correct = fixture.challenged(md5).authorization();
        failFiveTimes();

        assertThat(fixture.send(md5, correct))
                .isEqualTo(new Rejected(503, "too many authentication failures", Duration.ofSeconds(55)));
    }

    @Test
    void another_source_is_unaffected_by_a_throttled_one() {
        failFiveTimes();

        String authorization = fixture.challenged(md5, OTHER_SOURCE).authorization();
        Result result = fixture.authenticator.authenticate(request(md5, OTHER_SOURCE, authorization));

        assertThat(result).isEqualTo(new Accepted("alice"));
    }

    @Test
    void throttled_source_is_accepted_again_once_the_window_has_passed() {
        failFiveTimes();
        fixture.clock.advance(Duration.ofSeconds(55));

        String authorization = fixture.challenged(md5).authorization();

        assertThat(fixture.send(md5, authorization)).isEqualTo(new Accepted("alice"));
    }

    @Test
    void challenges_are_not_failures() {
        for (int i = 0; i < 20; i++) {
            assertThat(fixture.send(md5)).isInstanceOf(Challenge.class);
        }

        assertThat(fixture.send(md5, fixture.challenged(md5).authorization())).isEqualTo(new Accepted("alice"));
    }

    @Test
    void every_kind_of_403_counts_as_a_failure() {
        DigestClient client = fixture.challenged(md5);
        fixture.send(md5, "Digest username=\"unterminated");
        fixture.send(md5, client.nonce("made-up").authorization());
        fixture.send(md5, client.algorithm("SHA-256").authorization());
        fixture.send(md5, client.withoutQop().authorization());
        fixture.send(md5, client.user("mallory", "x").authorization());

        assertThat(fixture.send(md5, client.authorization()))
                .isEqualTo(new Rejected(503, "too many authentication failures", Duration.ofSeconds(60)));
    }

    @Test
    void failures_spread_wider_than_the_window_never_throttle() {
        for (int i = 0; i < 12; i++) {
            String guess = fixture.challenged(md5).user("alice", "guess-" + i).authorization();
            assertThat(fixture.send(md5, guess)).isEqualTo(WRONG);
            fixture.clock.advance(Duration.ofSeconds(13));
        }
    }

    @Test
    void configured_allowance_and_window_are_honoured() {
        Fixture strict = new Fixture(new ThrottleSettings(2, Duration.ofSeconds(10), 100));
        for (int i = 0; i < 2; i++) {
            String guess = strict.challenged(md5).user("alice", "guess").cnonce("c" + i).authorization();
            assertThat(strict.send(md5, guess)).isEqualTo(WRONG);
        }

        assertThat(strict.send(md5)).isEqualTo(
                new Rejected(503, "too many authentication failures", Duration.ofSeconds(10)));
    }

    @Test
    void request_without_a_source_address_is_judged_without_throttling() {
        for (int i = 0; i < 10; i++) {
            String guess = fixture.challenged(md5).user("alice", "guess-" + i).authorization();
            assertThat(fixture.authenticator.authenticate(request(md5, null, guess))).isEqualTo(WRONG);
        }
    }
}
