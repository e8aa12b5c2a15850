package org.psip.routes.ncco;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads an input action and its DTMF and speech settings. */
final class InputReader {

    /** The reference's ranges. */
    static final int MAX_DTMF_TIME_OUT = 10;
    static final int MAX_DIGITS = 20;
    static final double MIN_END_ON_SILENCE = 0.4;
    static final double MAX_END_ON_SILENCE = 10;
    static final int MAX_START_TIMEOUT = 10;
    static final int MAX_SPEECH_DURATION = 60;

    private InputReader() {
    }

    static InputAction input(JsonFields fields) {
        Set<InputAction.Type> declared = types(fields);
        DtmfSettings dtmf = dtmf(fields.object("dtmf"));
        SpeechSettings speech = speech(fields.object("speech"));
        return new InputAction(declared != null ? declared : inferred(dtmf, speech), dtmf, speech,
                fields.urls("eventUrl"), fields.eventMethod(), fields.extras());
    }

    private static Set<InputAction.Type> types(JsonFields fields) {
        List<String> names = fields.strings("type");
        if (names == null) {
            return null;
        }
        if (names.isEmpty()) {
            throw fields.invalid("type", "must not be empty");
        }
        Set<InputAction.Type> types = EnumSet.noneOf(InputAction.Type.class);
        for (int i = 0; i < names.size(); i++) {
            String location = fields.pathOf("type") + "[" + i + "]";
            types.add(JsonFields.choice(names.get(i), InputAction.Type.class,
                    problem -> new InvalidNccoException(location, problem)));
        }
        return types;
    }

    /**
     * The reference requires type, but a published example (an IVR after talk with bargeIn) leaves it out, as
     * NCCOs did before speech input existed: then the settings given say which kinds, and DTMF is the default.
     */
    private static Set<InputAction.Type> inferred(DtmfSettings dtmf, SpeechSettings speech) {
        Set<InputAction.Type> types = EnumSet.noneOf(InputAction.Type.class);
        if (dtmf != null || speech == null) {
            types.add(InputAction.Type.DTMF);
        }
        if (speech != null) {
            types.add(InputAction.Type.SPEECH);
        }
        return types;
    }

    private static DtmfSettings dtmf(JsonFields fields) {
        if (fields == null) {
            return null;
        }
        return new DtmfSettings(
                fields.wholeNumber("timeOut", 0, MAX_DTMF_TIME_OUT, DtmfSettings.DEFAULT_TIME_OUT),
                fields.wholeNumber("maxDigits", 1, MAX_DIGITS, DtmfSettings.DEFAULT_MAX_DIGITS),
                fields.flag("submitOnHash", false),
                fields.extras());
    }

    private static SpeechSettings speech(JsonFields fields) {
        if (fields == null) {
            return null;
        }
        return new SpeechSettings(
                fields.strings("uuid"),
                fields.decimal("endOnSilence", MIN_END_ON_SILENCE, MAX_END_ON_SILENCE,
                        SpeechSettings.DEFAULT_END_ON_SILENCE),
                fields.text("language"),
                fields.strings("context"),
                fields.wholeNumber("startTimeout", 1, MAX_START_TIMEOUT),
                fields.wholeNumber("maxDuration", 1, MAX_SPEECH_DURATION, SpeechSettings.DEFAULT_MAX_DURATION),
                fields.flag("saveAudio", false),
                fields.extras());
    }
}
