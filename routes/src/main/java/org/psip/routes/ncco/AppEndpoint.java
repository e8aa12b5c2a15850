package org.psip.routes.ncco;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A user of an in-app voice client.
 *
 * @param user   the user's name
 * @param extras fields this model does not know
 */
public record AppEndpoint(String user, Map<String, JsonNode> extras) implements Endpoint {

    public static final String TYPE = "app";

    public AppEndpoint {
        Objects.requireNonNull(user, "user");
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
