package org.psip.routes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.psip.api.AccessControl;
import org.psip.api.Admission;
import org.psip.api.DomainDirectory;
import org.psip.api.Region;
import org.psip.sip.SipConstants;

/**
 * Step {@code accessControl}: the caller's address must be in the callee's ACL, else 403.
 * The caller's address is the packet's source, except for a call another region's gateway
 * forwarded: that peer names the original caller in {@value RegionForwardStep#SOURCE_HEADER},
 * which is believed from the gateways of the directory's regions only.
 */
public class AccessControlStep implements Processor {

    /** Gateway host names resolve once: the directory names peers, and DNS has no place per call. */
    private final Map<String, InetAddress> peerAddresses = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) {
        Admission admission = exchange.getMessage().getHeader(PsipHeaders.ADMISSION, Admission.class);
        AccessControl accessControl = Plugins.require(exchange, AccessControl.class, admission,
                Admission.ACCESS_CONTROL);
        if (accessControl == null) {
            return;
        }
        InetAddress source = caller(exchange);
        AccessControl.Decision decision = accessControl.check(source, admission.acl());
        if (!decision.allowed()) {
            Rejection.reject(exchange, 403, decision.reason());
        }
    }

    @SuppressWarnings("unchecked")
    private InetAddress caller(Exchange exchange) {
        InetAddress source = source(exchange);
        Map<String, List<String>> headers = exchange.getMessage().getHeader(SipConstants.HEADERS, Map.class);
        List<String> forwardedFor = headers == null ? null : headers.get(RegionForwardStep.SOURCE_HEADER);
        if (forwardedFor == null || forwardedFor.isEmpty() || !isPeerGateway(exchange, source)) {
            return source;
        }
        try {
            return InetAddress.getByName(literal(forwardedFor.get(0).trim()));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return source;
        }
    }

    private boolean isPeerGateway(Exchange exchange, InetAddress source) {
        DomainDirectory directory = Plugins.find(exchange, DomainDirectory.class);
        if (directory == null) {
            return false;
        }
        for (Region region : directory.settings().regions()) {
            if (region.gateway() != null && source.equals(peerAddress(hostOf(region.gateway())))) {
                return true;
            }
        }
        return false;
    }

    private InetAddress peerAddress(String host) {
        return peerAddresses.computeIfAbsent(host, name -> {
            try {
                return InetAddress.getByName(name);
            } catch (UnknownHostException e) {
                return unresolved();
            }
        });
    }

    /** An address no packet comes from, for a gateway name that does not resolve. */
    private static InetAddress unresolved() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The host of a sip: or sips: URI (no user part: it names a gateway). */
    static String hostOf(String uri) {
        String rest = uri.substring(uri.indexOf(':') + 1);
        rest = rest.substring(rest.indexOf('@') + 1);
        int end = rest.startsWith("[") ? rest.indexOf(']') + 1 : indexOfAny(rest, ":;?");
        return rest.substring(0, end < 0 ? rest.length() : end).replace("[", "").replace("]", "");
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Only an address literal is taken from a header: never a name to resolve. */
    private static String literal(String address) {
        if (!address.matches("[0-9.]+|\\[?[0-9a-fA-F:.]+]?")) {
            throw new IllegalArgumentException("not an address literal: " + address);
        }
        return address.replace("[", "").replace("]", "");
    }

    /** The source is an address literal the SIP stack read off the packet: parsing it never resolves a name. */
    static InetAddress source(Exchange exchange) {
        String address = exchange.getMessage().getHeader(SipConstants.SOURCE_ADDRESS, String.class);
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address literal: " + address, e);
        }
    }
}
