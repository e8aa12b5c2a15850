package org.psip.api;

import java.net.InetAddress;
import java.util.List;

/** Decides whether a source address may send calls under an ACL. */
public interface AccessControl {

    /**
     * @param source the address the request came from (the packet's, not what the message claims)
     * @param acl    the allowed networks (see {@link Admission#acl()})
     * @return the decision, with a reason fit for a log line and a Reason header
     */
    Decision check(InetAddress source, List<String> acl);

    record Decision(boolean allowed, String reason) {

        public static Decision allow(String reason) {
            return new Decision(true, reason);
        }

        public static Decision deny(String reason) {
            return new Decision(false, reason);
        }
    }
}
