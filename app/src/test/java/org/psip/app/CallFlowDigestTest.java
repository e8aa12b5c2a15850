package org.psip.app;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.DigestChallenge;
import org.psip.app.test.SipCaller;
import org.psip.sip.test.SippScenarios;
import org.psip.sip.test.SipText;
import org.psip.sip.test.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Digest authentication as a caller meets it on the wire: the challenges a domain
 * offers, answers in either algorithm, replayed credentials and a source that keeps
 * guessing. Requests are written by hand where SIPp cannot (it answers only the first
 * challenge, with MD5, and never replays).
 */
class CallFlowDigestTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: digest-test-secret
            applications:
              talker:
                answer_url: ${webhook}/answer
            domains:
              acme:
                application: talker
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
              modern:
                application: talker
                acl: [ 127.0.0.1/32 ]
                algorithms: [ SHA-256, MD5 ]
                users:
                  alice: { password: secret }
              twosources:
                application: talker
                acl: [ 127.0.0.1, 127.0.0.2 ]
                users:
                  alice: { password: secret }
            """;

    private static final String ACME = "sip:1234@acme.sip.example.com";
    private static final String MODERN = "sip:1234@modern.sip.example.com";
    private static final String TWO_SOURCES = "sip:1234@twosources.sip.example.com";
    /** The auth-digest plugin's default: this many failures within its window, then 503. */
    private static final int FAILURES_ALLOWED = 5;

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY);

    @BeforeAll
    static void applicationAnswersTalk() {
        gateway.webhook().answer("/answer", 200, "[{\"action\":\"talk\",\"text\":\"Hello\"}]");
    }

    @Test
    void a_domain_with_the_default_configuration_offers_one_md5_challenge() throws Exception {
        try (SipCaller caller = gateway.caller()) {
            SipText challenge = caller.invite(ACME);

            assertThat(challenge.status()).as(challenge.raw()).isEqualTo(401);
            assertThat(algorithms(challenge)).containsExactly("MD5");
        }
    }

    @Test
    void a_domain_offering_sha256_and_md5_sends_both_challenges_in_that_order() throws Exception {
        try (SipCaller caller = gateway.caller()) {
            SipText challenge = caller.invite(MODERN);

            assertThat(challenge.status()).as(challenge.raw()).isEqualTo(401);
            assertThat(algorithms(challenge)).containsExactly("SHA-256", "MD5");
        }
    }

    @Test
    void an_answer_to_the_sha256_challenge_is_accepted() throws Exception {
        assertAcceptedAnsweringChallenge(0, "SHA-256");
    }

    @Test
    void an_answer_to_the_md5_challenge_of_the_same_domain_is_accepted() throws Exception {
        assertAcceptedAnsweringChallenge(1, "MD5");
    }

    @Test
    void a_replayed_authorization_on_a_new_call_gets_403_with_a_reason() throws Exception {
        try (SipCaller caller = gateway.caller()) {
            String authorization = firstChallenge(caller.invite(ACME)).answer("alice", "secret", "INVITE", ACME);
            SipText accepted = caller.invite(ACME, "Authorization: " + authorization);
            SipText replayed = caller.invite(ACME, "Authorization: " + authorization);

            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(488);
            assertThat(replayed.status()).as(replayed.raw()).isEqualTo(403);
            assertThat(replayed.header("Reason")).contains("replayed credentials");
        }
    }

    @Test
    void a_source_that_keeps_failing_gets_503_with_retry_after_and_other_sources_still_get_in() throws Exception {
        try (SipCaller guesser = gateway.callerFrom("127.0.0.2")) {
            DigestChallenge challenge = null;
            for (int guess = 1; guess <= FAILURES_ALLOWED; guess++) {
                challenge = firstChallenge(guesser.invite(TWO_SOURCES));
                SipText refused = guesser.invite(TWO_SOURCES,
                        "Authorization: " + challenge.answer("alice", "guess" + guess, "INVITE", TWO_SOURCES));
                assertThat(refused.status()).as("guess %d: %s", guess, refused.raw()).isEqualTo(403);
            }
            // throttled whatever it sends now, even the right password
            SipText throttled = guesser.invite(TWO_SOURCES,
                    "Authorization: " + challenge.answer("alice", "secret", "INVITE", TWO_SOURCES));

            assertThat(throttled.status()).as(throttled.raw()).isEqualTo(503);
            assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
            assertThat(throttled.header("Reason")).contains("too many authentication failures");
        }
        Sipp.Result fromAnotherSource = gateway.sipp(SippScenarios.authenticatedCall(488, ""), "1234",
                "twosources.sip.example.com").option("-au", "alice", "-ap", "secret").calls(1)
                .run(Duration.ofSeconds(20));
        assertThat(fromAnotherSource.exitCode()).as(fromAnotherSource.describe()).isZero();
    }

    /** A call to the SHA-256 + MD5 domain answering the challenge at this index gets through to the NCCO. */
    private static void assertAcceptedAnsweringChallenge(int index, String algorithm) throws Exception {
        try (SipCaller caller = gateway.caller()) {
            List<DigestChallenge> challenges = challenges(caller.invite(MODERN));
            DigestChallenge chosen = challenges.get(index);
            assertThat(chosen.algorithm()).isEqualTo(algorithm);

            SipText answer = caller.invite(MODERN, "Authorization: " + chosen.answer("alice", "secret", "INVITE",
                    MODERN));

            assertThat(answer.status()).as(answer.raw()).isEqualTo(488);
            assertThat(answer.header("Reason")).contains("NCCO action 'talk'");
        }
    }

    private static List<DigestChallenge> challenges(SipText response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(401);
        return response.headers("WWW-Authenticate").stream().map(DigestChallenge::parse).toList();
    }

    private static DigestChallenge firstChallenge(SipText response) {
        return challenges(response).get(0);
    }

    private static List<String> algorithms(SipText response) {
        return challenges(response).stream().map(DigestChallenge::algorithm).toList();
    }
}
