package org.psip.plugin.auth.digest;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.psip.api.Admission;
import org.psip.api.Authenticator;

/**
 * SIP digest authentication (RFC 3261 §22, RFC 7616, RFC 8760) with MD5, SHA-256 and
 * SHA-512-256 and their -sess variants, qop=auth only.
 *
 * <p>Nonces are self-validating (see {@link NonceSigner}): every node that shares the secret
 * accepts every other node's nonces, with no shared state. Replay protection by nonce-count is
 * <b>per node</b> (see {@link ReplayGuard}): a replay sent to another node within the nonce
 * lifetime is not detected. Failure throttling is per node too.
 *
 * <p>Outcomes: no credentials for the realm → 401 challenge; a good response on an expired nonce
 * → 401 with stale=true; anything wrong with the credentials → 403 with a reason (the same reason
 * for an unknown user as for a wrong password); a source past its failure allowance → 503 with
 * Retry-After. Nothing here throws on what a caller sends.
 *
 * <p>Thread-safe and free of global locks; plain Java so that it runs in a unit test and a
 * Declarative Services component alike.
 */
public final class DigestAuthenticator implements Authenticator {

    /** Room for 3,000 fresh nonces a second over a five-minute lifetime, with margin. */
    public static final int DEFAULT_REPLAY_CACHE_CAPACITY = 1_000_000;

    private static final String WRONG_CREDENTIALS = "wrong credentials";
    private static final Duration REPLAY_CACHE_FULL_RETRY_AFTER = Duration.ofSeconds(5);

    private final NonceSigner nonces;
    private final ReplayGuard replays;
    private final FailureThrottle throttle;
    private final Clock clock;
    private final DigestVerifier verifier;

    /**
     * @param nonceSecret   the secret nonces are signed with, the same on every node
     *                      ({@link org.psip.api.GatewaySettings#nonceSecret()})
     * @param nonceLifetime how long a nonce is good for; then the caller gets stale=true
     * @param clock         the time nonces are stamped and checked with
     * @param throttle      how many failures a source may make before it gets 503
     */
    public DigestAuthenticator(String nonceSecret, Duration nonceLifetime, Clock clock, ThrottleSettings throttle) {
        this(nonceSecret, nonceLifetime, clock, throttle, DEFAULT_REPLAY_CACHE_CAPACITY);
    }

    /**
     * @param replayCacheCapacity how many (nonce, cnonce) pairs the replay cache holds at most; size
     *                            it to authenticated calls per second times the nonce lifetime
     */
    public DigestAuthenticator(String nonceSecret, Duration nonceLifetime, Clock clock, ThrottleSettings throttle,
                               int replayCacheCapacity) {
        this(nonceSecret, nonceLifetime, clock, throttle, replayCacheCapacity, DigestAuthenticator::checkPassword);
    }

    /**
     * The same challenges, nonces, replay protection and throttling, with the response checked by
     * {@code verifier} instead of against the directory's passwords (e.g. by the customer's own service).
     */
    public DigestAuthenticator(String nonceSecret, Duration nonceLifetime, Clock clock, ThrottleSettings throttle,
                               int replayCacheCapacity, DigestVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.nonces = new NonceSigner(nonceSecret, nonceLifetime);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = new FailureThrottle(Objects.requireNonNull(throttle, "throttle"));
        this.replays = new ReplayGuard(replayCacheCapacity);
    }

    /**
     * {@link #authenticateAsync}, waited for: no wait with the directory's passwords, else as long
     * as the verifier takes.
     */
    @Override
    public Result authenticate(Request request) {
        return authenticateAsync(request).toCompletableFuture().join();
    }

    /**
     * Everything but the verifier runs in the calling thread before this returns; the verifier's
     * answer, and what follows it (nonce expiry, the replay cache, the throttle's count), in the
     * thread that completes the verifier's stage.
     */
    @Override
    public CompletionStage<Result> authenticateAsync(Request request) {
        long now = clock.millis();
        InetAddress source = request.source();
        long blockedFor = source == null ? 0 : throttle.blockedForMillis(source, now);
        if (blockedFor > 0) {
            return done(new Rejected(503, "too many authentication failures", wholeSeconds(blockedFor)));
        }
        return decide(request, now).thenApply(result -> {
            if (source != null && result instanceof Rejected rejected && rejected.statusCode() == 403) {
                throttle.recordFailure(source, now);
            }
            return result;
        });
    }

    private CompletionStage<Result> decide(Request request, long now) {
        Admission admission = request.admission();
        String configurationProblem = Challenges.configurationProblem(admission);
        if (configurationProblem != null) {
            return done(new Rejected(500, configurationProblem, null));
        }
        DigestCredentials credentials;
        try {
            credentials = AuthorizationParser.forRealm(request.authorization(), admission.realm());
        } catch (MalformedAuthorizationException e) {
            return done(forbidden("malformed Authorization: " + e.getMessage()));
        }
        if (credentials == null) {
            return done(challenge(admission, now, false, "credentials required"));
        }
        return verify(credentials, request, now);
    }

    /** The checks in the order that spends the least on requests that fail early. */
    private CompletionStage<Result> verify(DigestCredentials credentials, Request request, long now) {
        Admission admission = request.admission();
        String problem = CredentialRules.problem(credentials);
        if (problem != null) {
            return done(forbidden(problem));
        }
        DigestAlgorithm algorithm = DigestAlgorithm.byName(
                credentials.algorithm() == null ? DigestAlgorithm.MD5.headerName() : credentials.algorithm());
        if (algorithm == null || !Challenges.offers(admission, algorithm)) {
            return done(forbidden("algorithm not offered"));
        }
        NonceSigner.Check nonce = nonces.check(credentials.nonce(), admission.realm(), now);
        if (nonce.status() == NonceSigner.Status.FORGED) {
            return done(forbidden("invalid nonce"));
        }
        return verifier.verifyAsync(request.method(), credentials, admission).thenApply(refused ->
                refused != null ? refused : afterProof(credentials, admission, nonce, now));
    }

    /** A proven response on an expired nonce is asked again; on a live one, only once per nonce count. */
    private Result afterProof(DigestCredentials credentials, Admission admission, NonceSigner.Check nonce, long now) {
        if (nonce.status() == NonceSigner.Status.EXPIRED) {
            return challenge(admission, now, true, "nonce expired");
        }
        return switch (replays.admit(credentials.nonce(), credentials.cnonce(),
                CredentialRules.nonceCount(credentials), nonce.expiresAtMillis(), now)) {
            case FRESH -> new Accepted(credentials.username());
            case REPLAYED -> forbidden("replayed credentials");
            case FULL -> new Rejected(503, "replay cache full", REPLAY_CACHE_FULL_RETRY_AFTER);
        };
    }

    /** The default check: the response against the user's password or stored HA1 in the directory. */
    private static Rejected checkPassword(String method, DigestCredentials credentials, Admission admission) {
        DigestAlgorithm algorithm = DigestAlgorithm.byName(
                credentials.algorithm() == null ? DigestAlgorithm.MD5.headerName() : credentials.algorithm());
        boolean proven = ResponseCheck.proves(credentials, algorithm, admission.users().get(credentials.username()),
                method);
        return proven ? null : forbidden(WRONG_CREDENTIALS);
    }

    private Challenge challenge(Admission admission, long now, boolean stale, String reason) {
        String nonce = nonces.issue(admission.realm(), now);
        List<String> values = Challenges.wwwAuthenticate(admission, nonce, stale);
        return new Challenge(values, reason);
    }

    private static CompletionStage<Result> done(Result result) {
        return CompletableFuture.completedFuture(result);
    }

    private static Rejected forbidden(String reason) {
        return new Rejected(403, reason, null);
    }

    /** Retry-After counts whole seconds; round up so that a client waiting that long gets through. */
    private static Duration wholeSeconds(long millis) {
        return Duration.ofSeconds((millis + 999) / 1000);
    }
}
