package org.psip.plugin.directory.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.psip.api.GatewaySettings;
import org.psip.api.Region;

/**
 * The gateway's settings from the {@code psip.*} keys of the gateway's configuration:
 * {@code psip.base-host}, {@code psip.home-region}, {@code psip.region.<name>.label}
 * and {@code .gateway}, {@code psip.nonce.secret}, {@code psip.nonce.lifetime} (seconds).
 */
public final class GatewayProperties {

    private static final String REGION_PREFIX = "psip.region.";
    private static final String LABEL = ".label";

    private GatewayProperties() {
    }

    /** @throws IllegalArgumentException naming the key that is missing or wrong */
    public static GatewaySettings parse(Map<String, ?> properties) {
        String lifetime = DomainProperties.text(properties, "psip.nonce.lifetime");
        GatewaySettings settings = new GatewaySettings(required(properties, "psip.base-host"),
                required(properties, "psip.home-region"), regions(properties),
                required(properties, "psip.nonce.secret"),
                lifetime == null ? null : Duration.ofSeconds(Long.parseLong(lifetime)));
        if (settings.region(settings.homeRegion()).isEmpty()) {
            throw new IllegalArgumentException("psip.home-region '" + settings.homeRegion()
                    + "' has no psip.region." + settings.homeRegion() + ".label");
        }
        return settings;
    }

    private static List<Region> regions(Map<String, ?> properties) {
        TreeSet<String> names = new TreeSet<>();
        for (String key : properties.keySet()) {
            if (key.startsWith(REGION_PREFIX) && key.endsWith(LABEL)) {
                names.add(key.substring(REGION_PREFIX.length(), key.length() - LABEL.length()));
            }
        }
        List<Region> regions = new ArrayList<>();
        for (String name : names) {
            regions.add(new Region(name, required(properties, REGION_PREFIX + name + LABEL),
                    DomainProperties.text(properties, REGION_PREFIX + name + ".gateway")));
        }
        return regions;
    }

    private static String required(Map<String, ?> properties, String key) {
        String value = DomainProperties.text(properties, key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value;
    }
}
