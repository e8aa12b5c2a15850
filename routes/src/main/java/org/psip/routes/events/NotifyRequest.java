package org.psip.routes.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.psip.api.HttpMethod;

/**
 * An NCCO {@code notify} on its way to the application: the payload is the JSON body
 * (POST), or its top-level fields are the query parameters (GET), as Vonage sends it;
 * nothing is added to it.
 *
 * @param url            the notify's eventUrl
 * @param method         its eventMethod
 * @param payload        the JSON object to send
 * @param connectTimeout the application's connect timeout
 * @param readTimeout    the application's read timeout: how long the call waits for the answer
 */
public record NotifyRequest(String url, HttpMethod method, JsonNode payload, Duration connectTimeout,
                            Duration readTimeout) {

    public NotifyRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    EventTarget target() {
        return new EventTarget(url, method, connectTimeout, readTimeout);
    }

    /** The payload's top-level fields for a query string: text as it is, numbers, booleans, objects as JSON. */
    Map<String, Object> queryFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        payload.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            fields.put(field.getKey(), value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString());
        });
        return fields;
    }
}
