package org.psip.routes.ncco;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.psip.api.HttpMethod;

/**
 * Collects DTMF digits or speech from the caller and sends them to eventUrl, which answers with the next NCCO.
 *
 * @param type        the kinds of input accepted; never empty
 * @param dtmf        the DTMF settings (defaults when not given)
 * @param speech      the speech-recognition settings (defaults when not given)
 * @param eventUrl    where the input goes; empty when not given
 * @param eventMethod how it is sent (default POST)
 * @param extras      fields this model does not know (e.g. the older top-level {@code submitOnHash})
 */
public record InputAction(Set<Type> type, DtmfSettings dtmf, SpeechSettings speech, List<String> eventUrl,
                          HttpMethod eventMethod, Map<String, JsonNode> extras) implements NccoAction {

    public static final String ACTION = "input";

    public InputAction {
        type = Set.copyOf(type);
        if (type.isEmpty()) {
            throw new IllegalArgumentException("input needs a type");
        }
        dtmf = Objects.requireNonNullElse(dtmf, DtmfSettings.DEFAULTS);
        speech = Objects.requireNonNullElse(speech, SpeechSettings.DEFAULTS);
        eventUrl = Immutables.list(eventUrl);
        eventMethod = Objects.requireNonNullElse(eventMethod, HttpMethod.POST);
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String action() {
        return ACTION;
    }

    /** The kinds of input. */
    public enum Type {
        DTMF,
        SPEECH
    }
}
