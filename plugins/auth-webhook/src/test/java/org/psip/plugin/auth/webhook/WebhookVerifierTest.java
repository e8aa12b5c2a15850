package org.psip.plugin.auth.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psip.api.Admission;
import org.psip.api.Authenticator.Rejected;
import org.psip.plugin.auth.digest.DigestCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's authentication service, really served over HTTP, decides. */
class WebhookVerifierTest {

    private static final DigestCredentials ALICE = new DigestCredentials("alice", "acme", "n0nce",
            "sip:1234@acme.sip.example.com", "6629fae49393a05397450978507c4ef1", "MD5", "auth", "00000001", "c0nce");
    private static final Admission ADMISSION = new Admission(List.of("127.0.0.1"), true, "acme", null, Map.of());

    private HttpServer service;
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String answer = "{\"status\":\"ok\"}";
    private volatile boolean hang;

    @BeforeEach
    void startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        service.createContext("/sip-auth", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (hang) {
                awaitRelease();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        service.start();
    }

    @AfterEach
    void stopService() {
        release.countDown();
        service.stop(0);
    }

    @Test
    void no_thread_waits_for_the_services_answer() throws Exception {
        hang = true;

        CompletableFuture<Rejected> verdict = verifier(Duration.ofSeconds(5)).verifyAsync("INVITE", ALICE, ADMISSION)
                .toCompletableFuture();

        assertThat(received.poll(5, TimeUnit.SECONDS)).as("the service was asked").isNotNull();
        assertThat(verdict).as("no answer yet").isNotDone();
        release.countDown();
        assertThat(verdict.get(5, TimeUnit.SECONDS)).as("ok").isNull();
    }

    @Test
    void the_service_gets_every_digest_parameter_and_its_ok_accepts() throws Exception {
        assertThat(ask(verifier(Duration.ofSeconds(2)))).isNull();

        Map<String, String> posted = new ObjectMapper().readValue(received.poll(5, TimeUnit.SECONDS),
                new TypeReference<>() { });
        assertThat(posted).containsExactlyInAnyOrderEntriesOf(Map.of("method", "INVITE", "realm", "acme",
                "username", "alice", "nonce", "n0nce", "uri", "sip:1234@acme.sip.example.com",
                "response", "6629fae49393a05397450978507c4ef1", "algorithm", "MD5", "qop", "auth",
                "cnonce", "c0nce", "nc", "00000001"));
    }

    @Test
    void a_refusal_gets_403_with_the_services_reason() {
        answer = "{\"status\":\"fail\",\"msg\":\"account suspended\"}";

        Rejected rejected = ask(verifier(Duration.ofSeconds(2)));

        assertThat(rejected.statusCode()).isEqualTo(403);
        assertThat(rejected.reason()).isEqualTo("account suspended");
        assertThat(rejected.retryAfter()).isNull();
    }

    @Test
    void a_service_that_does_not_answer_in_time_gets_the_caller_503_with_retry_after() {
        hang = true;

        Rejected rejected = ask(verifier(Duration.ofMillis(300)));

        assertThat(rejected.statusCode()).isEqualTo(503);
        assertThat(rejected.reason()).isEqualTo("authentication service did not answer within 300 ms");
        assertThat(rejected.retryAfter()).isEqualTo(WebhookVerifier.RETRY_AFTER);
    }

    @Test
    void a_service_error_gets_the_caller_503_not_403() {
        status = 500;
        answer = "oops";

        Rejected rejected = ask(verifier(Duration.ofSeconds(2)));

        assertThat(rejected.statusCode()).isEqualTo(503);
        assertThat(rejected.reason()).isEqualTo("authentication service answered HTTP 500");
    }

    @Test
    void an_answer_that_is_neither_ok_nor_fail_gets_the_caller_503() {
        answer = "{\"status\":\"maybe\"}";

        Rejected rejected = ask(verifier(Duration.ofSeconds(2)));

        assertThat(rejected.statusCode()).isEqualTo(503);
        assertThat(rejected.reason()).contains("'maybe'");
    }

    @Test
    void an_answer_that_is_not_json_gets_the_caller_503() {
        answer = "<html>ok</html>";

        Rejected rejected = ask(verifier(Duration.ofSeconds(2)));

        assertThat(rejected.statusCode()).isEqualTo(503);
        assertThat(rejected.reason()).isEqualTo("authentication service answered something that is not JSON");
        assertThat(rejected.retryAfter()).isEqualTo(WebhookVerifier.RETRY_AFTER);
    }

    @Test
    void the_synchronous_form_gives_the_same_answer() {
        answer = "{\"status\":\"fail\",\"msg\":\"account suspended\"}";

        assertThat(verifier(Duration.ofSeconds(2)).verify("INVITE", ALICE, ADMISSION))
                .isEqualTo(new Rejected(403, "account suspended", null));
    }

    @Test
    void a_service_nobody_listens_for_gets_the_caller_503() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WebhookVerifier verifier = new WebhookVerifier(new WebhookSettings(
                URI.create("http://127.0.0.1:" + closedPort + "/sip-auth"), Duration.ofSeconds(2)));

        Rejected rejected = ask(verifier);

        assertThat(rejected.statusCode()).isEqualTo(503);
        assertThat(rejected.reason()).startsWith("authentication service cannot be reached");
    }

    @Test
    void settings_need_an_http_url() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookSettings.from(Map.of("url", "ftp://x/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http or https URL");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookSettings.from(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs url");
    }

    /** The verifier's answer as the authenticator gets it: through its stage, never a blocking call. */
    private static Rejected ask(WebhookVerifier verifier) {
        try {
            return verifier.verifyAsync("INVITE", ALICE, ADMISSION).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the verifier's stage did not complete normally", e);
        }
    }

    private WebhookVerifier verifier(Duration timeout) {
        return new WebhookVerifier(new WebhookSettings(
                URI.create("http://127.0.0.1:" + service.getAddress().getPort() + "/sip-auth"), timeout));
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
