package org.psip.routes.ncco;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plays an audio file to the call.
 *
 * @param streamUrl the audio to play: the NCCO gives an array, which the reference says holds one URL
 * @param level     volume from -1 to 1 (default 0)
 * @param bargeIn   whether caller input ends the audio early (default false)
 * @param loop      how many times to play it, 0 meaning until the call ends (default 1)
 * @param extras    fields this model does not know
 */
public record StreamAction(List<String> streamUrl, double level, boolean bargeIn, int loop,
                           Map<String, JsonNode> extras) implements NccoAction {

    public static final String ACTION = "stream";

    public StreamAction {
        streamUrl = List.copyOf(streamUrl);
        if (streamUrl.isEmpty()) {
            throw new IllegalArgumentException("stream needs a streamUrl");
        }
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String action() {
        return ACTION;
    }
}
