package org.psip.api;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks a caller's credentials: accept, challenge, or reject.
 *
 * <p>The call flow's {@code authenticate} step calls {@link #authenticateAsync} on one of
 * the SIP stack's few threads, which every other call on the node needs too. So
 * {@code authenticateAsync} must never block: not on I/O, not on a lock held across I/O,
 * not on another future ({@code join}, {@code get}). An authenticator that asks something
 * remote (an HTTP service, a database) overrides it and returns a stage that completes
 * when the answer comes; the call then goes on in the thread that completes the stage.
 * An authenticator that decides in memory only needs {@link #authenticate}.
 */
public interface Authenticator {

    /**
     * Decides at once, in the calling thread. The call flow does not call this directly
     * but through {@link #authenticateAsync}'s default, so it must be quick and must not
     * wait on I/O; one that would wait must override {@code authenticateAsync} instead.
     */
    Result authenticate(Request request);

    /**
     * What the call flow calls. The default completes with {@link #authenticate}'s result
     * before it returns, so an authenticator that decides in memory works unchanged.
     *
     * @return a stage completing with the result; completing it exceptionally (or throwing)
     *         gets the caller 500, so an expected failure such as a service that is down
     *         should complete normally with a {@link Rejected} (503 with Retry-After) instead
     */
    default CompletionStage<Result> authenticateAsync(Request request) {
        return CompletableFuture.completedFuture(authenticate(request));
    }

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
