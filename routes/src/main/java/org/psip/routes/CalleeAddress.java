package org.psip.routes;

import java.util.Locale;

/**
 * What a Request-URI host says about the callee, relative to the base host:
 * {@code acme.sip.example.com} is domain acme at home, {@code acme.sip-eu.example.com}
 * domain acme in region label {@code sip-eu}, {@code sip.example.com} and
 * {@code sip-eu.example.com} SIP Connect, anything else is not under the base host.
 *
 * @param kind        which of the three
 * @param domain      the domain name (DOMAIN only)
 * @param regionLabel the region label, {@code sip} for the home region (not for OTHER)
 */
public record CalleeAddress(Kind kind, String domain, String regionLabel) {

    public static final String HOME_LABEL = "sip";

    public enum Kind { DOMAIN, SIP_CONNECT, OTHER }

    public static CalleeAddress of(String host, String baseHost) {
        String h = host.toLowerCase(Locale.ROOT);
        String base = baseHost.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1); // a fully qualified name is the same host
        }
        if (!h.endsWith("." + base)) {
            return new CalleeAddress(Kind.OTHER, null, null);
        }
        String prefix = h.substring(0, h.length() - base.length() - 1);
        int dot = prefix.indexOf('.');
        if (dot < 0) {
            return isRegionLabel(prefix) ? new CalleeAddress(Kind.SIP_CONNECT, null, prefix)
                    : new CalleeAddress(Kind.OTHER, null, null);
        }
        String name = prefix.substring(0, dot);
        String label = prefix.substring(dot + 1);
        if (name.isEmpty() || !isRegionLabel(label)) {
            return new CalleeAddress(Kind.OTHER, null, null);
        }
        return new CalleeAddress(Kind.DOMAIN, name, label);
    }

    private static boolean isRegionLabel(String label) {
        return label.equals(HOME_LABEL) || label.startsWith(HOME_LABEL + "-") && label.length() > 4;
    }
}
