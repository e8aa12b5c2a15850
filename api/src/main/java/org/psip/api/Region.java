package org.psip.api;

import java.util.Objects;

/**
 * A region of the platform: calls to {@code *.sip-<label>.<base>} belong to it.
 *
 * @param name    the region's name ("eu")
 * @param label   the host label ("sip-eu")
 * @param gateway the SIP URI of that region's gateway ("sip:sip-eu.example.com:5060"); may be null for the home region
 */
public record Region(String name, String label, String gateway) {

    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
    }
}
