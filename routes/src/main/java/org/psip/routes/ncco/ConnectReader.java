package org.psip.routes.ncco;

import java.util.List;

import org.psip.routes.ncco.ConnectAction.MachineDetection;

/** Reads a connect action; its endpoints are {@link EndpointReader}'s. */
final class ConnectReader {

    /** Fewer seconds of ringing cannot reach a person; the Vonage SDKs refuse them too. */
    static final int MIN_RING_SECONDS = 3;
    /** The reference's maximum call length (2 hours); ringing longer than a call may last is absurd too. */
    static final int MAX_CALL_SECONDS = 7200;
    /** The Vonage SDKs' bounds for beep_timeout; the reference does not describe advancedMachineDetection. */
    static final int MIN_BEEP_TIMEOUT = 45;
    static final int MAX_BEEP_TIMEOUT = 120;

    private ConnectReader() {
    }

    static ConnectAction connect(JsonFields fields) {
        List<Endpoint> endpoints = EndpointReader.endpoints(fields);
        String from = fields.singleLineText("from");
        boolean randomFromNumber = fields.flag("randomFromNumber", false);
        if (randomFromNumber && from != null) {
            throw fields.invalid("randomFromNumber", "cannot be used together with from");
        }
        return new ConnectAction(endpoints, from, randomFromNumber,
                fields.oneOf("eventType", ConnectAction.EventType.class),
                fields.wholeNumber("timeout", MIN_RING_SECONDS, MAX_CALL_SECONDS, ConnectAction.DEFAULT_TIMEOUT),
                fields.wholeNumber("limit", 1, MAX_CALL_SECONDS, ConnectAction.DEFAULT_LIMIT),
                fields.oneOf("machineDetection", MachineDetection.class),
                advancedMachineDetection(fields.object("advancedMachineDetection")),
                fields.urls("eventUrl"),
                fields.eventMethod(),
                fields.url("ringbackTone"),
                fields.extras());
    }

    private static AdvancedMachineDetection advancedMachineDetection(JsonFields fields) {
        if (fields == null) {
            return null;
        }
        return new AdvancedMachineDetection(
                fields.oneOf("behavior", MachineDetection.class),
                fields.oneOf("mode", AdvancedMachineDetection.Mode.class),
                fields.wholeNumber("beep_timeout", MIN_BEEP_TIMEOUT, MAX_BEEP_TIMEOUT),
                fields.extras());
    }
}
