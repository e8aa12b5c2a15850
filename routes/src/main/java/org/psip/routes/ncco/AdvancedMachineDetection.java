package org.psip.routes.ncco;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A connect action's {@code advancedMachineDetection} settings.
 *
 * @param behavior    what to do when a machine answers; null when not given
 * @param mode        what to detect; null when not given
 * @param beepTimeout seconds to wait for a voicemail beep ({@code beep_timeout}); null when not given
 * @param extras      fields this model does not know
 */
public record AdvancedMachineDetection(ConnectAction.MachineDetection behavior, Mode mode, Integer beepTimeout,
                                       Map<String, JsonNode> extras) {

    public AdvancedMachineDetection {
        extras = Immutables.orderedMap(extras);
    }

    /** What the detection reports. */
    public enum Mode {
        /** Human or machine. */
        DETECT,
        /** Human or machine, then the voicemail beep. */
        DETECT_BEEP,
        /** The platform's default. */
        DEFAULT
    }
}
