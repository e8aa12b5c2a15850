package org.psip.api;

import java.util.Objects;

/**
 * An E.164 number owned by an application. SIP Connect: a PBX sends
 * {@code INVITE sip:<number>@sip.<base>} with the account's digest credentials
 * (Vonage's model: the API key and secret as username and password).
 *
 * @param number      the number, digits only, no '+'
 * @param application the id of the application its calls go to
 * @param account     the name of the account whose admission (credentials, ACL) a caller must pass
 */
public record VirtualNumber(String number, String application, String account) {

    public VirtualNumber {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(account, "account");
    }
}
