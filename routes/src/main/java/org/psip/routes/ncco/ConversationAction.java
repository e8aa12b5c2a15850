package org.psip.routes.ncco;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.psip.api.HttpMethod;

/**
 * Joins the call to a named conference, creating it if needed.
 *
 * @param name           the conference's name, unique within the application
 * @param musicOnHoldUrl audio played until the conference starts; empty when not given
 * @param startOnEnter   whether this participant starts the conference (default true)
 * @param endOnExit      whether the conference ends when this participant leaves (default false)
 * @param record         whether to record the conference (default false)
 * @param canSpeak       the legs that hear this participant; null (not given) means everyone, empty means no one
 * @param canHear        the legs this participant hears; null (not given) means everyone, empty means no one
 * @param mute           whether this participant is muted (default false)
 * @param eventUrl       where the recording is reported; empty when not given
 * @param eventMethod    how it is reported (default POST)
 * @param extras         fields this model does not know
 */
public record ConversationAction(String name, List<String> musicOnHoldUrl, boolean startOnEnter, boolean endOnExit,
                                 boolean record, List<String> canSpeak, List<String> canHear, boolean mute,
                                 List<String> eventUrl, HttpMethod eventMethod, Map<String, JsonNode> extras)
        implements NccoAction {

    public static final String ACTION = "conversation";

    public ConversationAction {
        Objects.requireNonNull(name, "name");
        musicOnHoldUrl = Immutables.list(musicOnHoldUrl);
        canSpeak = Immutables.listOrNull(canSpeak);
        canHear = Immutables.listOrNull(canHear);
        eventUrl = Immutables.list(eventUrl);
        eventMethod = Objects.requireNonNullElse(eventMethod, HttpMethod.POST);
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String action() {
        return ACTION;
    }
}
