package org.psip.routes.ncco;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.psip.api.HttpMethod;

/**
 * Sends a custom payload to eventUrl, which may answer with an NCCO that replaces the rest of this one.
 *
 * @param payload     the JSON object to send, as given (treat it as read-only)
 * @param eventUrl    where to send it; never empty
 * @param eventMethod how to send it (default POST)
 * @param extras      fields this model does not know
 */
public record NotifyAction(JsonNode payload, List<String> eventUrl, HttpMethod eventMethod,
                           Map<String, JsonNode> extras) implements NccoAction {

    public static final String ACTION = "notify";

    public NotifyAction {
        Objects.requireNonNull(payload, "payload");
        eventUrl = List.copyOf(eventUrl);
        if (eventUrl.isEmpty()) {
            throw new IllegalArgumentException("notify needs an eventUrl");
        }
        eventMethod = Objects.requireNonNullElse(eventMethod, HttpMethod.POST);
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String action() {
        return ACTION;
    }
}
