package org.psip.plugin.auth.digest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.psip.api.Admission;
import org.psip.api.Authenticator;

/**
 * Decides whether a digest response proves the caller knows the password. The
 * {@link DigestAuthenticator} has already checked everything else (realm, algorithm,
 * nonce signature) and checks nonce expiry and replays after.
 *
 * <p>The authenticator calls {@link #verifyAsync}, on a SIP thread: a verifier that asks
 * something remote overrides it, never blocks in it, and completes the stage when the answer
 * comes. A verifier that decides in memory implements {@link #verify} only.
 */
@FunctionalInterface
public interface DigestVerifier {

    /**
     * @param method      the SIP method the response was computed for
     * @param credentials the caller's Authorization parameters
     * @param admission   the domain's or account's realm and users
     * @return null when the response proves it; else the answer to give (403 for wrong
     *         credentials, 503 with Retry-After when the check itself could not be made)
     */
    Authenticator.Rejected verify(String method, DigestCredentials credentials, Admission admission);

    /**
     * {@link #verify}'s answer as a stage; the default has it complete before it returns.
     * The stage should complete normally also when the check could not be made (503), since
     * an exceptional completion gets the caller 500.
     */
    default CompletionStage<Authenticator.Rejected> verifyAsync(String method, DigestCredentials credentials,
                                                                Admission admission) {
        return CompletableFuture.completedFuture(verify(method, credentials, admission));
    }
}
