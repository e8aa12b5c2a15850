package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psip.plugin.auth.digest.Fixture.SOURCE;
import static org.psip.plugin.auth.digest.Fixture.admission;
import static org.psip.plugin.auth.digest.Fixture.request;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.psip.api.Admission;
import org.psip.api.Authenticator.Accepted;
import org.psip.api.Authenticator.Challenge;
import org.psip.api.Authenticator.Rejected;
import org.psip.api.Authenticator.Result;

/**
 * A verifier that answers later, as a remote service does: the authenticator returns before
 * it answers, and counts failures and spends nonce counts only once it has.
 */
class AsyncVerifierTest {

    private static final Rejected WRONG = new Rejected(403, "wrong credentials", null);

    /** The verifier's answers, each completed by the test when it chooses. */
    private final ConcurrentLinkedQueue<CompletableFuture<Rejected>> asked = new ConcurrentLinkedQueue<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final DigestAuthenticator authenticator = new DigestAuthenticator(Fixture.SECRET, Fixture.LIFETIME,
            clock, new ThrottleSettings(1, Duration.ofSeconds(60), 100), 1000, new DigestVerifier() {
                @Override
                public Rejected verify(String method, DigestCredentials credentials, Admission admission) {
                    throw new AssertionError("the authenticator must not wait for the verifier");
                }

                @Override
                public CompletionStage<Rejected> verifyAsync(String method, DigestCredentials credentials,
                                                             Admission admission) {
                    CompletableFuture<Rejected> answer = new CompletableFuture<>();
                    asked.add(answer);
                    return answer;
                }
            });
    private final Admission md5 = admission("MD5");

    @Test
    void the_authenticator_returns_before_the_verifier_answers_and_accepts_once_it_says_yes() throws Exception {
        CompletableFuture<Result> result = send(answer().authorization());

        assertThat(result).isNotDone();
        asked.remove().complete(null);

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(new Accepted("alice"));
    }

    @Test
    void a_refusal_counts_against_the_source_only_once_the_verifier_gives_it() throws Exception {
        CompletableFuture<Result> guess = send(answer().authorization());

        assertThat(send()).as("no failure yet while the verifier thinks").isCompletedWithValueMatching(
                Challenge.class::isInstance);
        asked.remove().complete(WRONG);

        assertThat(guess.get(5, TimeUnit.SECONDS)).isEqualTo(WRONG);
        assertThat(send()).isCompletedWithValue(new Rejected(503, "too many authentication failures",
                Duration.ofSeconds(60)));
    }

    @Test
    void a_nonce_count_is_spent_only_when_the_verifier_says_yes() throws Exception {
        String authorization = answer().authorization();
        CompletableFuture<Result> refused = send(authorization);
        CompletableFuture<Result> proven = send(authorization);

        Rejected serviceDown = new Rejected(503, "service down", Duration.ofSeconds(5));
        asked.remove().complete(serviceDown);
        asked.remove().complete(null);

        assertThat(refused.get(5, TimeUnit.SECONDS)).isEqualTo(serviceDown);
        assertThat(proven.get(5, TimeUnit.SECONDS)).isEqualTo(new Accepted("alice"));
        CompletableFuture<Result> replayed = send(authorization);
        asked.remove().complete(null);
        assertThat(replayed.get(5, TimeUnit.SECONDS)).isEqualTo(new Rejected(403, "replayed credentials", null));
    }

    @Test
    void a_verifier_that_fails_fails_the_authentication_rather_than_accept() {
        CompletableFuture<Result> result = send(answer().authorization());

        asked.remove().completeExceptionally(new IllegalStateException("verifier broke"));

        assertThat(result).isCompletedExceptionally();
    }

    @Test
    void what_needs_no_verifier_is_answered_at_once() {
        String forged = answer().authorization().replaceFirst("nonce=\"[^\"]*\"", "nonce=\"forged\"");

        assertThat(send(forged)).isCompletedWithValue(new Rejected(403, "invalid nonce", null));
        assertThat(asked).isEmpty();
    }

    private DigestClient answer() {
        Result challenge = send().join();
        return DigestClient.answering(((Challenge) challenge).wwwAuthenticate().get(0));
    }

    private CompletableFuture<Result> send(String... authorization) {
        return authenticator.authenticateAsync(request(md5, SOURCE, authorization)).toCompletableFuture();
    }
}
