package org.psip.plugin.directory.file;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.psip.api.GatewaySettings;
import org.psip.api.Region;

/** Maps the {@code gateway} section: base host, home region, regions, nonce secret and lifetime. */
final class GatewayMapper {

    private static final Set<String> GATEWAY_KEYS =
            Set.of("base_host", "home_region", "nonce_secret", "nonce_lifetime", "regions");
    private static final Set<String> REGION_KEYS = Set.of("label", "gateway", "trunk", "media_server");
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** The bare {@code sip} host means the home region, so no region may take it as its label. */
    private static final String HOME_LABEL = "sip";

    private GatewayMapper() {
    }

    static GatewaySettings map(ConfigEntry gateway) {
        if (!gateway.isPresent()) {
            throw gateway.invalid("missing");
        }
        gateway.withKnownKeys(GATEWAY_KEYS);
        String baseHost = hostName(gateway.get("base_host"));
        String nonceSecret = gateway.get("nonce_secret").text();
        Duration nonceLifetime = Duration.ofSeconds(gateway.get("nonce_lifetime")
                .positiveNumber(GatewaySettings.DEFAULT_NONCE_LIFETIME.toSeconds(), "seconds"));
        ConfigEntry regionsEntry = gateway.get("regions");
        List<Region> regions = regions(regionsEntry);
        String homeRegion = homeRegion(gateway.get("home_region"), regions);
        requireGatewaysOutsideHome(regionsEntry, regions, homeRegion);
        return new GatewaySettings(baseHost, homeRegion, regions, nonceSecret, nonceLifetime);
    }

    /** True when {@code text} is a DNS label: letters, digits and inner hyphens, at most 63. */
    static boolean isHostLabel(String text) {
        return HOST_LABEL.matcher(text.toLowerCase(Locale.ROOT)).matches();
    }

    private static String hostName(ConfigEntry entry) {
        String host = entry.text().toLowerCase(Locale.ROOT);
        for (String label : host.split("\\.", -1)) {
            if (!isHostLabel(label)) {
                throw entry.invalid("'" + entry.node().textValue() + "' is not a host name");
            }
        }
        return host;
    }

    private static List<Region> regions(ConfigEntry regionsEntry) {
        List<Region> regions = new ArrayList<>();
        regionsEntry.entries().forEach((name, entry) -> {
            entry.withKnownKeys(REGION_KEYS);
            String label = regionLabel(name, entry.get("label"), regions);
            regions.add(new Region(name, label, sipUri(entry.get("gateway")), sipUri(entry.get("trunk")),
                    sipUri(entry.get("media_server"))));
        });
        return regions;
    }

    private static String regionLabel(String regionName, ConfigEntry entry, List<Region> earlier) {
        // sip-eu → eu is the convention of the platform's host names, so it is the default
        String label = entry.optionalText().orElse("sip-" + regionName).toLowerCase(Locale.ROOT);
        if (!isHostLabel(label)) {
            throw entry.invalid("'" + label + "' is not a host label");
        }
        if (label.equals(HOME_LABEL)) {
            throw entry.invalid("'" + HOME_LABEL + "' is taken: the bare sip host means the home region");
        }
        for (Region other : earlier) {
            if (other.label().equals(label)) {
                throw entry.invalid("'" + label + "' is already the label of region " + other.name());
            }
        }
        return label;
    }

    private static String sipUri(ConfigEntry entry) {
        String uri = entry.optionalText().orElse(null);
        if (uri != null && !uri.startsWith("sip:") && !uri.startsWith("sips:")) {
            throw entry.invalid("'" + uri + "' is not a sip: or sips: URI");
        }
        return uri;
    }

    private static String homeRegion(ConfigEntry entry, List<Region> regions) {
        String home = entry.text();
        if (!regions.isEmpty() && regions.stream().noneMatch(r -> r.name().equals(home))) {
            String names = regions.stream().map(Region::name).collect(Collectors.joining(", "));
            throw entry.invalid("'" + home + "' is not one of the regions (" + names + ")");
        }
        return home;
    }

    private static void requireGatewaysOutsideHome(ConfigEntry regionsEntry, List<Region> regions, String home) {
        for (Region region : regions) {
            if (region.gateway() == null && !region.name().equals(home)) {
                throw regionsEntry.get(region.name()).get("gateway")
                        .invalid("missing; only the home region may leave it out");
            }
        }
    }
}
