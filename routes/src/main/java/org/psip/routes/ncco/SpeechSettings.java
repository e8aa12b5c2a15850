package org.psip.routes.ncco;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An input action's {@code speech} settings.
 *
 * @param uuid         the call leg whose speech to capture; empty for the first leg that joined
 * @param endOnSilence seconds of silence that end the input (default 2)
 * @param language     BCP-47 language of the expected speech; null for the platform's default
 * @param context      words the caller is expected to say, as recognition hints; may be empty
 * @param startTimeout seconds to wait for the caller to start speaking; null when not given
 * @param maxDuration  the longest speech in seconds (default 60)
 * @param saveAudio    whether to send a recording of the speech too (default false)
 * @param extras       fields this model does not know
 */
public record SpeechSettings(List<String> uuid, double endOnSilence, String language, List<String> context,
                             Integer startTimeout, int maxDuration, boolean saveAudio,
                             Map<String, JsonNode> extras) {

    public static final double DEFAULT_END_ON_SILENCE = 2.0;
    public static final int DEFAULT_MAX_DURATION = 60;
    public static final SpeechSettings DEFAULTS = new SpeechSettings(List.of(), DEFAULT_END_ON_SILENCE, null,
            List.of(), null, DEFAULT_MAX_DURATION, false, Map.of());

    public SpeechSettings {
        uuid = Immutables.list(uuid);
        context = Immutables.list(context);
        extras = Immutables.orderedMap(extras);
    }
}
