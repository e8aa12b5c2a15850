package org.psip.plugin.auth.digest;

/**
 * An Authorization value psip cannot read; the message says what is wrong, fit for a Reason
 * header. Thrown and caught inside this package only. It carries no stack trace: a malformed
 * header is the caller's mistake, and anyone can send a flood of them.
 */
final class MalformedAuthorizationException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedAuthorizationException(String message) {
        super(message, null, false, false);
    }
}
