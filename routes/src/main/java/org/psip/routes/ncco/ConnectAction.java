package org.psip.routes.ncco;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.psip.api.HttpMethod;

/**
 * Connects the call to an endpoint.
 *
 * @param endpoints                the endpoints to connect to; never empty (the reference allows one)
 * @param from                     the caller number to present; null for the platform's choice
 * @param randomFromNumber         present a random number of the application's instead of {@code from}
 * @param eventType                {@link EventType#SYNCHRONOUS} to let eventUrl answer with a replacing NCCO;
 *                                 null when not given
 * @param timeout                  seconds to ring before giving up (default 60)
 * @param limit                    the call's maximum length in seconds (default 7200)
 * @param machineDetection         what to do when an answering machine picks up; null when not given
 * @param advancedMachineDetection the richer answering-machine settings; null when not given
 * @param eventUrl                 where call events for this leg go; empty when not given
 * @param eventMethod              how they are sent (default POST)
 * @param ringbackTone             audio the caller hears while the endpoint rings; may be null
 * @param extras                   fields this model does not know
 */
public record ConnectAction(List<Endpoint> endpoints, String from, boolean randomFromNumber, EventType eventType,
                            int timeout, int limit, MachineDetection machineDetection,
                            AdvancedMachineDetection advancedMachineDetection, List<String> eventUrl,
                            HttpMethod eventMethod, String ringbackTone, Map<String, JsonNode> extras)
        implements NccoAction {

    public static final String ACTION = "connect";
    public static final int DEFAULT_TIMEOUT = 60;
    public static final int DEFAULT_LIMIT = 7200;

    public ConnectAction {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("connect needs an endpoint");
        }
        eventUrl = Immutables.list(eventUrl);
        eventMethod = Objects.requireNonNullElse(eventMethod, HttpMethod.POST);
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String action() {
        return ACTION;
    }

    /** Names the endpoint type too, e.g. {@code connect to websocket}: that is what tells one connect from another. */
    @Override
    public String describe() {
        return ACTION + " to " + endpoints.get(0).type();
    }

    /** The values of {@code eventType}. */
    public enum EventType {
        SYNCHRONOUS
    }

    /** What to do when an answering machine picks up. */
    public enum MachineDetection {
        /** Report the machine on eventUrl and carry on. */
        CONTINUE,
        /** End the call. */
        HANGUP
    }
}
