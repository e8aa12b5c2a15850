package org.psip.routes.ncco;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a {@link ConnectAction} connects the call: one record per endpoint type the NCCO reference defines. */
public sealed interface Endpoint permits SipEndpoint, PhoneEndpoint, WebSocketEndpoint, AppEndpoint, VbcEndpoint {

    /** The endpoint's type as an NCCO spells it, e.g. {@code sip}. */
    String type();

    /** The fields the NCCO gave that this model does not know; see {@link NccoAction#extras()}. */
    Map<String, JsonNode> extras();
}
