package org.psip.sip;

import org.apache.camel.spi.Metadata;

/**
 * The exchange headers the {@code sip} component reads and writes.
 *
 * <p>Headers describing a received request are set by the consumer; headers
 * describing the answer are read by the consumer when the route completes (or by
 * the producer with {@code operation=respond}); the producer reads the request
 * headers and writes the response it got.
 */
public final class SipConstants {

    // ---- the received request (consumer) ----
    @Metadata(description = "The SIP method of the received request, or of the request the producer sends (default INVITE)",
              javaType = "String")
    public static final String METHOD = "CamelSipMethod";
    @Metadata(description = "The Request-URI: received (consumer), or the target of a new INVITE (producer)",
              javaType = "String")
    public static final String REQUEST_URI = "CamelSipRequestUri";
    @Metadata(description = "The user part of the Request-URI (the dialled number or name)", javaType = "String")
    public static final String REQUEST_URI_USER = "CamelSipRequestUriUser";
    @Metadata(description = "The host part of the Request-URI (the SIP domain)", javaType = "String")
    public static final String REQUEST_URI_HOST = "CamelSipRequestUriHost";
    @Metadata(description = "The From URI (caller); for the producer, the From of a new INVITE", javaType = "String")
    public static final String FROM_URI = "CamelSipFromUri";
    @Metadata(description = "The From display name", javaType = "String")
    public static final String FROM_DISPLAY_NAME = "CamelSipFromDisplayName";
    @Metadata(description = "The To URI; for the producer, the To of a new INVITE (default: the Request-URI)",
              javaType = "String")
    public static final String TO_URI = "CamelSipToUri";
    @Metadata(description = "The To display name", javaType = "String")
    public static final String TO_DISPLAY_NAME = "CamelSipToDisplayName";
    @Metadata(description = "The Call-ID", javaType = "String")
    public static final String CALL_ID = "CamelSipCallId";
    @Metadata(description = "The CSeq sequence number", javaType = "Long")
    public static final String CSEQ = "CamelSipCSeq";
    @Metadata(description = "The address the request came from (the packet's source, not what Via claims)",
              javaType = "String")
    public static final String SOURCE_ADDRESS = "CamelSipSourceAddress";
    @Metadata(description = "The port the request came from", javaType = "Integer")
    public static final String SOURCE_PORT = "CamelSipSourcePort";
    @Metadata(description = "The transport the request came over: UDP or TCP", javaType = "String")
    public static final String TRANSPORT = "CamelSipTransport";
    @Metadata(description = "Every SIP header of the received request, by name (case-insensitive), "
                            + "each with all its values in order",
              javaType = "java.util.Map<String, java.util.List<String>>")
    public static final String HEADERS = "CamelSipHeaders";
    @Metadata(description = "The handle of the received INVITE: send provisional responses, learn of CANCEL",
              javaType = "org.psip.sip.SipServerCall")
    public static final String SERVER_CALL = "CamelSipServerCall";

    // ---- the answer (read by the consumer at the end of the route, or by operation=respond) ----
    @Metadata(description = "The response code to send (1xx provisional with operation=respond, else final); "
                            + "after a producer INVITE, the code of the final response received",
              javaType = "Integer")
    public static final String RESPONSE_CODE = "CamelSipResponseCode";
    @Metadata(description = "The reason phrase of the response (default: the standard phrase of the code)",
              javaType = "String")
    public static final String REASON_PHRASE = "CamelSipReasonPhrase";
    @Metadata(description = "Readable text for a Reason header (RFC 3326) on the response, e.g. why a call is refused",
              javaType = "String")
    public static final String REASON_TEXT = "CamelSipReasonText";
    @Metadata(description = "Extra headers for the response: name to a value or a list of values",
              javaType = "java.util.Map<String, Object>")
    public static final String RESPONSE_HEADERS = "CamelSipResponseHeaders";
    @Metadata(description = "The producer operation: request (default) or respond", javaType = "String")
    public static final String OPERATION = "CamelSipOperation";

    // ---- the producer ----
    @Metadata(description = "Extra headers for the request the producer sends: name to a value or a list of values",
              javaType = "java.util.Map<String, Object>")
    public static final String REQUEST_HEADERS = "CamelSipRequestHeaders";
    @Metadata(description = "The content type of the body to send (default application/sdp)", javaType = "String")
    public static final String CONTENT_TYPE = "CamelSipContentType";
    @Metadata(description = "The outbound leg a producer INVITE created; ACK, CANCEL and BYE act on it",
              javaType = "org.psip.sip.SipClientCall")
    public static final String CLIENT_CALL = "CamelSipClientCall";
    @Metadata(description = "The final response the producer received, whole", javaType = "org.psip.sip.SipResponse")
    public static final String FINAL_RESPONSE = "CamelSipFinalResponse";
    @Metadata(description = "The provisional responses the producer received before the final one, in order",
              javaType = "java.util.List<org.psip.sip.SipResponse>")
    public static final String PROVISIONAL_RESPONSES = "CamelSipProvisionalResponses";
    @Metadata(description = "Called with each provisional response of a producer INVITE as it arrives",
              javaType = "java.util.function.Consumer<org.psip.sip.SipResponse>")
    public static final String PROVISIONAL_LISTENER = "CamelSipProvisionalListener";

    // ---- a bridged call (producer, operation=bridge) ----
    @Metadata(description = "The bridge the producer set up (operation=bridge): the inbound call joined to the new leg",
              javaType = "org.psip.sip.SipBridge")
    public static final String BRIDGE = "CamelSipBridge";
    @Metadata(description = "Told when the bridged call rings, is answered, fails or ends (operation=bridge)",
              javaType = "org.psip.sip.SipBridge.Listener")
    public static final String BRIDGE_LISTENER = "CamelSipBridgeListener";
    @Metadata(description = "The longest an answered bridged call may last, in milliseconds; none when absent",
              javaType = "Long")
    public static final String CALL_LIMIT = "CamelSipCallLimit";
    @Metadata(description = "How long this INVITE may ring before it is cancelled, in milliseconds (default: ringTimeout)",
              javaType = "Long")
    public static final String RING_TIMEOUT = "CamelSipRingTimeout";

    private SipConstants() {
    }
}
