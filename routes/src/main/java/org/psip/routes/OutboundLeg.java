package org.psip.routes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.psip.api.Region;
import org.psip.routes.ncco.ConnectAction;
import org.psip.routes.ncco.Endpoint;
import org.psip.routes.ncco.PhoneEndpoint;
import org.psip.routes.ncco.SipEndpoint;

/**
 * One INVITE call control places: where it goes, what it carries, and how it is reported.
 *
 * @param requestUri     the target
 * @param fromUser       the caller id to present (a number or user), or null to keep the caller's From
 * @param headers        extra headers on the INVITE (X-…, User-to-User, the media server's X-Psip-…)
 * @param to             the callee as call events name it (the URI, or the phone number)
 * @param ringMillis     how long it may ring
 * @param limitMillis    the answered call's longest duration
 * @param answersTheCall true when this leg's answer ends the NCCO (a media server runs the rest)
 */
record OutboundLeg(String requestUri, String fromUser, Map<String, Object> headers, String to, long ringMillis,
                   long limitMillis, boolean answersTheCall) {

    /** Raised for an endpoint psip cannot call: the caller gets {@code code} with the message as Reason. */
    static final class Unreachable extends Exception {

        private final int code;

        Unreachable(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    /** The leg for one endpoint of a connect action; null for an endpoint only a media server can reach. */
    static OutboundLeg to(Endpoint endpoint, ConnectAction connect, Region region) throws Unreachable {
        long ring = connect.timeout() * 1000L;
        long limit = connect.limit() * 1000L;
        if (endpoint instanceof SipEndpoint sip) {
            String uri = sip.uri() != null ? sip.uri()
                    : "sip:" + (sip.user() != null ? sip.user() + "@" : "") + sip.domain();
            Map<String, Object> headers = new LinkedHashMap<>();
            sip.headers().forEach((name, value) -> headers.put("X-" + name, value));
            if (sip.userToUser() != null) {
                headers.put(SipEndpoint.USER_TO_USER, sip.userToUser());
            }
            return new OutboundLeg(uri, connect.from(), headers, uri, ring, limit, false);
        }
        if (endpoint instanceof PhoneEndpoint phone) {
            String trunk = region == null ? null : region.trunk();
            if (trunk == null) {
                throw new Unreachable(503, "no phone trunk configured for region "
                        + (region == null ? "(none)" : region.name()));
            }
            return new OutboundLeg(viaTrunk(phone.number(), trunk), connect.from(), Map.of(), phone.number(),
                    ring, limit, false);
        }
        return null;
    }

    /**
     * The leg that hands the call to the region's media server, which runs the NCCO from
     * {@code actionIndex} on: it learns the call and where the NCCO came from in X-Psip headers.
     */
    static OutboundLeg toMediaServer(Region region, String action, int actionIndex, String callUuid,
                                     String conversationUuid, String applicationId, String nccoSource)
            throws Unreachable {
        String mediaServer = region == null ? null : region.mediaServer();
        if (mediaServer == null) {
            throw new Unreachable(488, "NCCO action '" + action + "' needs a media server; none is configured for"
                    + " region " + (region == null ? "(none)" : region.name()));
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("X-Psip-Call-Uuid", callUuid);
        headers.put("X-Psip-Conversation-Uuid", conversationUuid);
        headers.put("X-Psip-Application", applicationId);
        headers.put("X-Psip-Ncco-Source", nccoSource);
        headers.put("X-Psip-Ncco-Index", Integer.toString(actionIndex));
        return new OutboundLeg(mediaServer, null, headers, mediaServer, ConnectAction.DEFAULT_TIMEOUT * 1000L,
                ConnectAction.DEFAULT_LIMIT * 1000L, true);
    }

    /** sip:number@trunk-host:port, keeping the trunk URI's parameters (transport=tcp...). */
    static String viaTrunk(String number, String trunk) {
        int colon = trunk.indexOf(':');
        String hostPart = trunk.substring(colon + 1);
        int at = hostPart.indexOf('@');
        return trunk.substring(0, colon + 1) + number + "@" + (at >= 0 ? hostPart.substring(at + 1) : hostPart);
    }
}
