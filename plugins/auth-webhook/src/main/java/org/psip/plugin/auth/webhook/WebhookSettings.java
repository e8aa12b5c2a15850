package org.psip.plugin.auth.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the customer's authentication service is and how long to wait for it.
 *
 * @param url     the service's URL; psip POSTs each digest response there
 * @param timeout how long to wait for its answer, connection included
 */
public record WebhookSettings(URI url, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("url " + url + " is not an http or https URL");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** From configuration: {@code url} and {@code timeout.ms}. */
    public static WebhookSettings from(Map<String, ?> configuration) {
        Object url = configuration.get("url");
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("the webhook authenticator needs url = <your service's URL>");
        }
        Object timeout = configuration.get("timeout.ms");
        return new WebhookSettings(URI.create(url.toString().trim()), timeout == null || timeout.toString().isBlank()
                ? null : Duration.ofMillis(Long.parseLong(timeout.toString().trim())));
    }
}
