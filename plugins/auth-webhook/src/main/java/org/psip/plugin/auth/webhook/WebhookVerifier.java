package org.psip.plugin.auth.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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

    @Override
    public Rejected verify(String method, DigestCredentials credentials, Admission admission) {
        HttpResponse<String> response;
        try {
            response = client.send(request(method, credentials), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return unavailable("did not answer within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return unavailable("cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("was not asked: interrupted");
        }
        return verdict(response, credentials.username());
    }

    private HttpRequest request(String method, DigestCredentials credentials) throws IOException {
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
