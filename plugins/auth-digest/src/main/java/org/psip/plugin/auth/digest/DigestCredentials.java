package org.psip.plugin.auth.digest;

/**
 * The parameters of one {@code Authorization: Digest ...} value that psip uses, unquoted and
 * unescaped. The first five are always present; the others are null when the client left them
 * out. Parameters psip does not use (opaque, userhash, ...) are not kept. Public for the
 * {@link DigestVerifier}s that check a response elsewhere.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                         String algorithm, String qop, String nc, String cnonce) {
}
