package org.psip.routes.ncco;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A WebSocket to stream the call's audio to.
 *
 * @param uri         the {@code ws:} or {@code wss:} URI
 * @param contentType the audio's media type, e.g. {@code audio/l16;rate=16000}; may be null
 * @param headers     metadata for the WebSocket's first message, as given: values may be any JSON, nested objects
 *                    and arrays included, so they stay JSON (treat them as read-only)
 * @param extras      fields this model does not know
 */
public record WebSocketEndpoint(String uri, String contentType, Map<String, JsonNode> headers,
                                Map<String, JsonNode> extras) implements Endpoint {

    public static final String TYPE = "websocket";

    public WebSocketEndpoint {
        Objects.requireNonNull(uri, "uri");
        headers = Immutables.orderedMap(headers);
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
