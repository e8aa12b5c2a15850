package org.psip.routes;

/**
 * The exchange headers the call-flow steps pass on to each other. A step reads only
 * the headers of the steps before it; a user's route may read them too and set
 * those marked as settable.
 */
public final class PsipHeaders {

    /** The callee kind: {@code domain} (a SIP domain) or {@code number} (SIP Connect to a virtual number). */
    public static final String CALLEE_KIND = "PsipCalleeKind";
    /** The SIP domain's name ({@code default} for the default domain), or the account for SIP Connect. */
    public static final String DOMAIN = "PsipDomain";
    /** The dialled virtual number (SIP Connect only). */
    public static final String NUMBER = "PsipNumber";
    /** The {@link org.psip.api.Admission} that applies: ACL, digest realm, users. */
    public static final String ADMISSION = "PsipAdmission";
    /** The id of the application the call goes to; settable to send a call elsewhere. */
    public static final String APPLICATION_ID = "PsipApplicationId";
    /** The region the Request-URI names ({@code eu} for {@code sip-eu}); the home region for the bare {@code sip} host. */
    public static final String REGION = "PsipRegion";
    /** The gateway of the region when it is not this node's: the region router forwards the call there. */
    public static final String REGION_GATEWAY = "PsipRegionGateway";
    /** The digest username the caller proved to be (absent when the callee needs no digest). */
    public static final String AUTHENTICATED_USER = "PsipAuthenticatedUser";
    /** The call's uuid, as sent to answer_url and event_url. */
    public static final String CALL_UUID = "PsipCallUuid";
    /** The conversation's uuid ({@code CON-…}). */
    public static final String CONVERSATION_UUID = "PsipConversationUuid";
    /** {@code SipHeader_X-…} parameters for answer_url: a Map of name to value; settable. */
    public static final String SIP_HEADER_PARAMS = "PsipSipHeaderParams";
    /** Extra parameters a route adds to the answer_url request: a Map of name to value; settable. */
    public static final String ANSWER_URL_PARAMS = "PsipAnswerUrlParams";
    /** Where the NCCO came from: {@code answer_url}, {@code fallback_answer_url} or {@code inline}. */
    public static final String NCCO_SOURCE = "PsipNccoSource";
    /** The parsed NCCO ({@link org.psip.routes.ncco.Ncco}). */
    public static final String NCCO = "PsipNcco";

    private PsipHeaders() {
    }
}
