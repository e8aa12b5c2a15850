package org.psip.plugin.auth.digest;

import java.util.ArrayList;
import java.util.List;
import org.psip.api.Admission;

/**
 * The WWW-Authenticate values of a 401, one per algorithm the Admission offers, in its order
 * (RFC 7616 §3.7: most preferred first) and all with the same nonce (as in the example of
 * §3.9.1). The order matters in practice: SIPp reads only the first challenge and linphone
 * answers the first it can compute.
 *
 * <p>Every challenge offers qop="auth" (RFC 3261 §22.4 item 8: servers MUST always send qop), and
 * no opaque: the nonce already carries all the state psip needs.
 */
final class Challenges {

    private Challenges() {
    }

    /**
     * What is wrong with an Admission for digest, or null when nothing is: a missing realm or an
     * algorithm psip does not know would otherwise send callers a challenge nobody can answer.
     */
    static String configurationProblem(Admission admission) {
        if (admission.realm() == null || admission.realm().isEmpty()) {
            return "no digest realm configured";
        }
        for (String name : admission.algorithms()) {
            if (DigestAlgorithm.byName(name) == null) {
                return "unsupported digest algorithm " + name + " configured for realm " + admission.realm();
            }
        }
        return null;
    }

    /** Whether the Admission offers this algorithm (names compared case-insensitively). */
    static boolean offers(Admission admission, DigestAlgorithm algorithm) {
        for (String name : admission.algorithms()) {
            if (algorithm.headerName().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param stale whether to tell the client its nonce merely expired, so that it retries with the
     *              new one without asking its user again (RFC 7616 §3.3)
     */
    static List<String> wwwAuthenticate(Admission admission, String nonce, boolean stale) {
        List<String> values = new ArrayList<>(admission.algorithms().size());
        for (String name : admission.algorithms()) {
            StringBuilder value = new StringBuilder(128)
                    .append("Digest realm=\"");
            appendEscaped(value, admission.realm());
            value.append("\", nonce=\"").append(nonce)
                    .append("\", algorithm=").append(DigestAlgorithm.byName(name).headerName())
                    .append(", qop=\"auth\"");
            if (stale) {
                value.append(", stale=true");
            }
            values.add(value.toString());
        }
        return values;
    }

    /** A realm is a quoted string: its quotes and backslashes need a backslash. */
    private static void appendEscaped(StringBuilder value, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                value.append('\\');
            }
            value.append(c);
        }
    }
}
