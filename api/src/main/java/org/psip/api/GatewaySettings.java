package org.psip.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings every node of a deployment shares.
 *
 * @param baseHost      the base host ("example.com"): domains answer on {@code <name>.sip.<base>}
 *                      and {@code <name>.<label>.<base>} (a region label such as {@code sip-eu}),
 *                      SIP Connect on {@code sip.<base>} and {@code <label>.<base>}
 * @param homeRegion    the name of the region this node serves; the bare {@code sip} host means it
 * @param regions       every region with its label and gateway
 * @param nonceSecret   the shared secret digest nonces are signed with, so any node can check any nonce
 * @param nonceLifetime how long a nonce is good for before a request with it gets {@code stale=true}
 */
public record GatewaySettings(String baseHost, String homeRegion, List<Region> regions, String nonceSecret,
                              Duration nonceLifetime) {

    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);

    public GatewaySettings {
        Objects.requireNonNull(baseHost, "baseHost");
        Objects.requireNonNull(homeRegion, "homeRegion");
        regions = regions == null ? List.of() : List.copyOf(regions);
        Objects.requireNonNull(nonceSecret, "nonceSecret");
        nonceLifetime = nonceLifetime == null ? DEFAULT_NONCE_LIFETIME : nonceLifetime;
    }

    public Optional<Region> regionByLabel(String label) {
        return regions.stream().filter(r -> r.label().equalsIgnoreCase(label)).findFirst();
    }

    public Optional<Region> region(String name) {
        return regions.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }
}
