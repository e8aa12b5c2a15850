package org.psip.routes;

import java.util.Arrays;
import java.util.List;

import org.apache.camel.spi.Registry;

/**
 * Binds the call-flow steps under the names the route files use, so that a route
 * (psip's own or a user's) can call them as {@code process: {ref: accessControl}}.
 */
public final class CallFlowSteps {

    private CallFlowSteps() {
    }

    /**
     * @param reservedHeaderPrefixes X- header prefixes never sent to answer_url (X-Nexmo by default)
     */
    public static void bindTo(Registry registry, List<String> reservedHeaderPrefixes) {
        registry.bind("identifyCallee", new IdentifyCalleeStep());
        registry.bind("accessControl", new AccessControlStep());
        registry.bind("authenticate", new AuthenticationStep());
        Bridges bridges = new Bridges();
        registry.bind("redirectToRegion", new RegionRedirectStep());
        registry.bind("forwardToRegion", new RegionForwardStep(bridges));
        registry.bind("enrichSipHeaders", new SipHeaderEnricher(reservedHeaderPrefixes, 1024, 32));
        registry.bind("answerUrl", new AnswerUrlStep());
        registry.bind("parseNcco", new NccoStep());
        registry.bind("callControl", new CallControlStep(bridges));
        registry.bind("rejectCall", new RejectCallStep());
    }

    /** The reserved X- header prefixes from a comma-separated setting ({@code psip.sip-headers.reserved-prefixes}). */
    public static List<String> headerPrefixes(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }
}
