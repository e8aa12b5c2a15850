package org.psip.routes.ncco;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An extension of a Vonage Business Cloud PBX.
 *
 * @param extension the extension to call
 * @param extras    fields this model does not know
 */
public record VbcEndpoint(String extension, Map<String, JsonNode> extras) implements Endpoint {

    public static final String TYPE = "vbc";

    public VbcEndpoint {
        Objects.requireNonNull(extension, "extension");
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
