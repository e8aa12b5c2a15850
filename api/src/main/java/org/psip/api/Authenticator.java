package org.psip.api;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/** Checks a caller's credentials: accept, challenge, or reject. */
public interface Authenticator {

    Result authenticate(Request request);

    /**
     * What the authenticator sees of a request.
     *
     * @param method        the SIP method ("INVITE")
     * @param requestUri    the Request-URI as sent
     * @param source        the packet's source address
     * @param authorization the values of every Authorization header, as sent
     * @param admission     the realm, algorithms and users of the domain or account called
     */
    record Request(String method, String requestUri, InetAddress source, List<String> authorization,
                   Admission admission) {
    }

    sealed interface Result permits Accepted, Challenge, Rejected {
    }

    /** The caller proved to be this user. */
    record Accepted(String username) implements Result {
    }

    /**
     * Ask for (fresh) credentials: 401 with these WWW-Authenticate values.
     *
     * @param reason why, for the log and the Reason header ("credentials required", "nonce expired")
     */
    record Challenge(List<String> wwwAuthenticate, String reason) implements Result {
    }

    /**
     * Refuse: 403 for wrong credentials, 503 with Retry-After when the source is throttled.
     *
     * @param retryAfter how long the source should wait; null unless throttled
     */
    record Rejected(int statusCode, String reason, Duration retryAfter) implements Result {
    }
}
