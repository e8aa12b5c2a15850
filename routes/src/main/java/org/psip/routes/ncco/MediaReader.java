package org.psip.routes.ncco;

/** Reads the actions that play or record audio: talk, stream and record. */
final class MediaReader {

    /** The reference's range for talk and stream volume. */
    static final double MIN_LEVEL = -1;
    static final double MAX_LEVEL = 1;
    /**
     * The reference sets no maximum for loop (0 means forever); more plays than the longest call has seconds
     * cannot all be heard, so more is a mistake.
     */
    static final int MAX_LOOP = ConnectReader.MAX_CALL_SECONDS;
    /** Styles number a language's voices, a handful each; the bound only catches garbage. */
    static final int MAX_STYLE = 100;
    /** The reference's ranges for record. */
    static final int MAX_CHANNELS = 32;
    static final int MIN_END_ON_SILENCE = 3;
    static final int MAX_END_ON_SILENCE = 10;
    static final int MIN_RECORD_SECONDS = 3;

    private MediaReader() {
    }

    static TalkAction talk(JsonFields fields) {
        return new TalkAction(
                fields.requiredText("text"),
                fields.flag("bargeIn", false),
                fields.wholeNumber("loop", 0, MAX_LOOP, 1),
                fields.decimal("level", MIN_LEVEL, MAX_LEVEL, 0),
                fields.text("language"),
                fields.wholeNumber("style", 0, MAX_STYLE, 0),
                fields.flag("premium", false),
                fields.extras());
    }

    static StreamAction stream(JsonFields fields) {
        return new StreamAction(
                fields.requiredUrls("streamUrl"),
                fields.decimal("level", MIN_LEVEL, MAX_LEVEL, 0),
                fields.flag("bargeIn", false),
                fields.wholeNumber("loop", 0, MAX_LOOP, 1),
                fields.extras());
    }

    static RecordAction record(JsonFields fields) {
        return new RecordAction(
                fields.oneOf("format", RecordAction.Format.class),
                fields.oneOf("split", RecordAction.Split.class),
                fields.wholeNumber("channels", 1, MAX_CHANNELS),
                fields.wholeNumber("endOnSilence", MIN_END_ON_SILENCE, MAX_END_ON_SILENCE),
                endOnKey(fields),
                fields.wholeNumber("timeOut", MIN_RECORD_SECONDS, ConnectReader.MAX_CALL_SECONDS),
                fields.flag("beepStart", false),
                fields.urls("eventUrl"),
                fields.eventMethod(),
                fields.extras());
    }

    private static String endOnKey(JsonFields fields) {
        String key = fields.text("endOnKey");
        if (key != null && (key.length() != 1 || "0123456789*#".indexOf(key.charAt(0)) < 0)) {
            throw fields.invalid("endOnKey", "must be one key: a digit, * or #");
        }
        return key;
    }
}
