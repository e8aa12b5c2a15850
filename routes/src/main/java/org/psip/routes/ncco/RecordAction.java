package org.psip.routes.ncco;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.psip.api.HttpMethod;

/**
 * Records the call from here on; the recording's location goes to eventUrl when it ends.
 *
 * @param format       the file format; null for the platform's choice (mp3, or wav above 2 channels)
 * @param split        {@link Split#CONVERSATION} to record each side in its own channel; null when not given
 * @param channels     how many channels to record; null when not given
 * @param endOnSilence seconds of silence that end the recording; null when not given
 * @param endOnKey     the key ({@code 0}-{@code 9}, {@code *} or {@code #}) that ends the recording; may be null
 * @param timeOut      the longest recording in seconds; null when not given
 * @param beepStart    whether to beep when recording starts (default false)
 * @param eventUrl     where the recording is reported; empty when not given
 * @param eventMethod  how it is reported (default POST)
 * @param extras       fields this model does not know
 */
public record RecordAction(Format format, Split split, Integer channels, Integer endOnSilence, String endOnKey,
                           Integer timeOut, boolean beepStart, List<String> eventUrl, HttpMethod eventMethod,
                           Map<String, JsonNode> extras) implements NccoAction {

    public static final String ACTION = "record";

    public RecordAction {
        eventUrl = Immutables.list(eventUrl);
        eventMethod = Objects.requireNonNullElse(eventMethod, HttpMethod.POST);
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String action() {
        return ACTION;
    }

    /** The recording's file format. */
    public enum Format {
        MP3,
        WAV,
        OGG
    }

    /** The values of {@code split}. */
    public enum Split {
        CONVERSATION
    }
}
