package org.psip.api;

import java.util.Objects;

/**
 * A customer's SIP domain: {@code acme} answers on {@code sip:anything@acme.sip.<base>}
 * and the regional hosts {@code acme.sip-<label>.<base>}.
 *
 * @param name        the domain's name (the first host label)
 * @param application the id of the application its calls go to
 * @param admission   who may call it
 */
public record SipDomain(String name, String application, Admission admission) {

    public SipDomain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(admission, "admission");
    }
}
