package org.psip.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.DigestChallenge;
import org.psip.app.test.SipCaller;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.SipText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's authentication service that is slow to answer holds no SIP thread: more
 * calls wait for it than the SIP stack has threads, and a call that needs no
 * authentication is still answered meanwhile; once the service answers, every waiting
 * call goes on.
 */
class CallFlowSlowAuthServiceTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: slow-auth-test-secret
            applications:
              talker:
                answer_url: ${webhook}/answer
            domains:
              acme:
                application: talker
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: only-the-service-knows }
              open:
                application: talker
                acl: [ 127.0.0.1/32 ]
                digest: false
            """;

    private static final String ACME = "sip:1234@acme.sip.example.com";
    private static final String OPEN = "sip:1234@open.sip.example.com";
    /** What a call that passed admission gets: its NCCO talks, and this node has no media server. */
    private static final int ADMITTED = 488;

    /** The service's answers are held longer than any of them is waited for here: its timeout is not under test. */
    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY, Map.of("psip.auth", "webhook",
            "psip.auth.webhook.url", "${webhook}/sip-auth", "psip.auth.webhook.timeout-ms", "30000"));

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeAll
    static void applicationTalksAndTheServiceSaysYes() {
        gateway.webhook().answer("/answer", 200, "[{\"action\":\"talk\",\"text\":\"Hello\"}]");
        gateway.webhook().answer("/sip-auth", 200, "{\"status\":\"ok\"}");
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void calls_waiting_for_the_auth_service_leave_the_sip_threads_to_other_calls() throws Exception {
        WebhookServer service = gateway.webhook();
        service.clear();
        int waiting = gateway.sipService().configuration().getThreadPoolSize() + 4;
        CountDownLatch release = service.hold("/sip-auth");
        List<Future<SipText>> authenticated = new ArrayList<>();
        for (int i = 0; i < waiting; i++) {
            authenticated.add(callers.submit(() -> authenticatedCall("alice", "whatever-the-service-accepts")));
        }
        for (int i = 0; i < waiting; i++) {
            assertThat(service.next("/sip-auth", Duration.ofSeconds(5)))
                    .as("the service is asked for call %d of %d while the earlier ones wait", i + 1, waiting)
                    .isNotNull();
        }

        SipText other;
        try (SipCaller caller = gateway.caller()) {
            other = caller.invite(OPEN);
        }

        assertThat(other.status()).as(other.raw()).isEqualTo(ADMITTED);
        assertThat(authenticated).as("no authenticated call is answered before the service").noneMatch(Future::isDone);
        release.countDown();
        for (Future<SipText> call : authenticated) {
            SipText answer = call.get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(ADMITTED);
        }
        assertThat(service.count("/answer")).isEqualTo(waiting + 1);
    }

    @Test
    void a_refusal_from_a_service_that_answered_late_still_reaches_the_caller() throws Exception {
        gateway.webhook().answer("/sip-auth", 200, "{\"status\":\"fail\",\"msg\":\"account suspended\"}");
        try {
            CountDownLatch release = gateway.webhook().hold("/sip-auth");
            Future<SipText> call = callers.submit(() -> authenticatedCall("alice", "a-wrong-one"));
            assertThat(gateway.webhook().next("/sip-auth", Duration.ofSeconds(5))).isNotNull();

            release.countDown();

            SipText answer = call.get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(403);
            assertThat(answer.header("Reason")).contains("account suspended");
        } finally {
            gateway.webhook().answer("/sip-auth", 200, "{\"status\":\"ok\"}");
        }
    }

    /** A caller of its own answers the challenge; the final answer to its authenticated INVITE. */
    private static SipText authenticatedCall(String username, String password) throws Exception {
        try (SipCaller caller = gateway.caller()) {
            SipText challenge = caller.invite(ACME);
            assertThat(challenge.status()).as(challenge.raw()).isEqualTo(401);
            DigestChallenge digest = DigestChallenge.parse(challenge.headers("WWW-Authenticate").get(0));
            return caller.invite(ACME, "Authorization: " + digest.answer(username, password, "INVITE", ACME));
        }
    }
}
