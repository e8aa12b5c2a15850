package org.psip.plugin.auth.digest;

import org.psip.api.Admission;
import org.psip.api.Authenticator;

/**
 * Decides whether a digest response proves the caller knows the password. The
 * {@link DigestAuthenticator} has already checked everything else (realm, algorithm,
 * nonce signature) and checks nonce expiry and replays after.
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
}
