package org.psip.routes.ncco;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An input action's {@code dtmf} settings.
 *
 * @param timeOut      seconds of no key presses after which the digits are sent (default 3)
 * @param maxDigits    how many digits to collect at most (default 4)
 * @param submitOnHash whether # sends the digits at once (default false)
 * @param extras       fields this model does not know
 */
public record DtmfSettings(int timeOut, int maxDigits, boolean submitOnHash, Map<String, JsonNode> extras) {

    public static final int DEFAULT_TIME_OUT = 3;
    public static final int DEFAULT_MAX_DIGITS = 4;
    public static final DtmfSettings DEFAULTS =
            new DtmfSettings(DEFAULT_TIME_OUT, DEFAULT_MAX_DIGITS, false, Map.of());

    public DtmfSettings {
        extras = Immutables.orderedMap(extras);
    }
}
