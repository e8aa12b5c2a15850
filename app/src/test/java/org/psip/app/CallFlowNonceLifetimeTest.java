package org.psip.app;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.DigestChallenge;
import org.psip.app.test.SipCaller;
import org.psip.sip.test.SipText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A nonce outlives its lifetime: the caller who answers it correctly is told the nonce
 * is stale (not that the password is wrong) and gets in with the fresh one. The
 * gateway's nonces live one second here, so the test needs its own gateway.
 */
class CallFlowNonceLifetimeTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: nonce-lifetime-test-secret
              nonce_lifetime: 1
            applications:
              talker:
                answer_url: ${webhook}/answer
            domains:
              acme:
                application: talker
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
            """;

    private static final String ACME = "sip:1234@acme.sip.example.com";
    /** Past the one-second lifetime, counted from when the challenge arrived (the nonce is older still). */
    private static final Duration PAST_THE_LIFETIME = Duration.ofMillis(1200);

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY);

    @BeforeAll
    static void applicationAnswersTalk() {
        gateway.webhook().answer("/answer", 200, "[{\"action\":\"talk\",\"text\":\"Hello\"}]");
    }

    @Test
    void a_correct_answer_to_an_expired_nonce_gets_a_new_challenge_with_stale_true() throws Exception {
        try (SipCaller caller = gateway.caller()) {
            DigestChallenge first = challenge(caller.invite(ACME));
            long challengedAt = System.nanoTime();
            await().pollDelay(PAST_THE_LIFETIME).atMost(Duration.ofSeconds(5))
                    .until(() -> System.nanoTime() - challengedAt > PAST_THE_LIFETIME.toNanos());

            DigestChallenge renewed = challenge(caller.invite(ACME,
                    "Authorization: " + first.answer("alice", "secret", "INVITE", ACME)));
            SipText retried = caller.invite(ACME,
                    "Authorization: " + renewed.answer("alice", "secret", "INVITE", ACME));

            assertThat(first.stale()).isFalse();
            assertThat(renewed.stale()).as("stale=true on the second challenge").isTrue();
            assertThat(renewed.nonce()).isNotEqualTo(first.nonce());
            assertThat(retried.status()).as("retried with the new nonce: " + retried.raw()).isEqualTo(488);
        }
    }

    private static DigestChallenge challenge(SipText response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(401);
        assertThat(response.headers("WWW-Authenticate")).hasSize(1);
        return DigestChallenge.parse(response.header("WWW-Authenticate"));
    }
}
