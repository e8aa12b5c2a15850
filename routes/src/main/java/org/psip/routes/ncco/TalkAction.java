package org.psip.routes.ncco;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Speaks text to the call.
 *
 * @param text     plain text, or SSML inside a {@code speak} element
 * @param bargeIn  whether caller input ends the speech early (default false)
 * @param loop     how many times to say it, 0 meaning until the call ends (default 1)
 * @param level    volume from -1 to 1 (default 0)
 * @param language BCP-47 language; null for the platform's default
 * @param style    the voice style for the language (default 0)
 * @param premium  whether to use the premium voice (default false)
 * @param extras   fields this model does not know (e.g. the older {@code voiceName})
 */
public record TalkAction(String text, boolean bargeIn, int loop, double level, String language, int style,
                         boolean premium, Map<String, JsonNode> extras) implements NccoAction {

    public static final String ACTION = "talk";

    public TalkAction {
        Objects.requireNonNull(text, "text");
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String action() {
        return ACTION;
    }
}
