package org.psip.routes.ncco;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One action of an {@link Ncco}, one record per action the NCCO reference defines.
 *
 * <p>Optional numbers and flags for which the reference states a default hold that default when the NCCO left
 * them out; optional text, and numbers without a stated default, are null when left out.
 */
public sealed interface NccoAction
        permits ConnectAction, TalkAction, StreamAction, InputAction, RecordAction, ConversationAction, NotifyAction {

    /** The action's name as an NCCO spells it, e.g. {@code talk}. */
    String action();

    /**
     * A few words naming this action for a log line or a SIP Reason header, e.g. {@code talk} or
     * {@code connect to websocket}.
     */
    default String describe() {
        return action();
    }

    /**
     * The fields the NCCO gave that this model does not know, in the order given. They are kept rather than
     * refused because the platform's NCCO keeps growing (e.g. talk's older {@code voiceName}). Treat the nodes
     * as read-only: Jackson has no immutable tree.
     */
    Map<String, JsonNode> extras();
}
