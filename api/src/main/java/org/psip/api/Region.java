package org.psip.api;

import java.util.Objects;

/**
 * A region of the platform: calls to {@code *.sip-<label>.<base>} belong to it.
 *
 * @param name    the region's name ("eu")
 * @param label   the host label ("sip-eu")
 * @param gateway     the SIP URI of that region's gateway ("sip:sip-eu.example.com:5060"); may be null for the home region
 * @param trunk       the SIP URI of the region's outbound phone trunk: an NCCO {@code connect} to a phone number
 *                    calls {@code sip:<number>@<trunk host:port>}; null when the region has none
 * @param mediaServer the SIP URI of a media server that runs the NCCO actions psip does not carry out itself
 *                    ({@code talk}, {@code stream}, {@code input}, {@code record}, {@code conversation}); may be null
 */
public record Region(String name, String label, String gateway, String trunk, String mediaServer) {

    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
    }

    /** A region without a trunk or media server. */
    public Region(String name, String label, String gateway) {
        this(name, label, gateway, null, null);
    }
}
