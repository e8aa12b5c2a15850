package org.psip.plugin.auth.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.psip.api.Admission;
import org.psip.api.Authenticator.Rejected;
import org.psip.plugin.auth.digest.DigestCredentials;
import org.psip.plugin.auth.digest.DigestVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the customer's service whether a digest response is right, as jambonz does: a
 * JSON POST of the Authorization parameters; {@code {"status":"ok"}} accepts,
 * {@code {"status":"fail","msg":"…"}} refuses with 403. A service that does not answer
 * in time, or answers anything else, gets the caller 503 with Retry-After: psip cannot
 * tell whether the credentials were right, so the caller should try again.
 *
 * <p>Nothing waits for the service: the request goes out with {@link HttpClient#sendAsync},
 * and the call goes on when the answer (or the timeout) comes, so a slow service holds no
 * SIP thread however many calls wait for it.
 */
public final class WebhookVerifier implements DigestVerifier {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(WebhookVerifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookSettings settings;
    private final HttpClient client;

    public WebhookVerifier(WebhookSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** {@link #verifyAsync}, waited for: up to the timeout. */
    @Override
    public Rejected verify(String method, DigestCredentials credentials, Admission admission) {
        return verifyAsync(method, credentials, admission).toCompletableFuture().join();
    }

    /**
     * Sends the request and returns at once; the stage completes in one of the HTTP client's
     * threads when the answer comes or the timeout passes, and always normally: with null for
     * ok, or the answer for the caller.
     */
    @Override
    public CompletionStage<Rejected> verifyAsync(String method, DigestCredentials credentials, Admission admission) {
        HttpRequest request;
        try {
            request = request(method, credentials);
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture(unavailable("was not asked: " + e.getOriginalMessage()));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) ->
                failure == null ? verdict(response, credentials.username()) : unanswered(failure));
    }

    private Rejected unanswered(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return unavailable("did not answer within " + settings.timeout().toMillis() + " ms");
        }
        if (cause instanceof IOException) {
            return unavailable("cannot be reached: " + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
        return unavailable("could not be asked: " + cause);
    }

    private HttpRequest request(String method, DigestCredentials credentials) throws JsonProcessingException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("method", method);
        body.put("realm", credentials.realm());
        body.put("username", credentials.username());
        body.put("nonce", credentials.nonce());
        body.put("uri", credentials.uri());
        body.put("response", credentials.response());
        body.put("algorithm", credentials.algorithm() == null ? "MD5" : credentials.algorithm());
        body.put("qop", credentials.qop());
        body.put("cnonce", credentials.cnonce());
        body.put("nc", credentials.nc());
        return HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private Rejected verdict(HttpResponse<String> response, String username) {
        if (response.statusCode() != 200) {
            return unavailable("answered HTTP " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            return unavailable("answered something that is not JSON");
        }
        String status = answer == null ? "" : answer.path("status").asText("");
        if (status.equals("ok")) {
            return null;
        }
        if (status.equals("fail")) {
            String why = answer.path("msg").asText("");
            LOG.info("authentication service refused {}: {}", username, why.isEmpty() ? "no reason given" : why);
            return new Rejected(403, why.isEmpty() ? "wrong credentials" : why, null);
        }
        return unavailable("answered status '" + status + "', neither ok nor fail");
    }

    private Rejected unavailable(String what) {
        String reason = "authentication service " + what;
        LOG.warn("{} ({})", reason, settings.url());
        return new Rejected(503, reason, RETRY_AFTER);
    }
}
