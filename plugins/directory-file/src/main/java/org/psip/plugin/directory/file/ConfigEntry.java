package org.psip.plugin.directory.file;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A node of the YAML tree together with the path that leads to it ({@code domains.acme.acl[1]}),
 * so that every problem found while mapping names the entry at fault. An absent key and an
 * explicit null ({@code acl:} with nothing after it) both count as absent.
 */
final class ConfigEntry {

    private final String path;
    private final JsonNode node;

    private ConfigEntry(String path, JsonNode node) {
        this.path = path;
        this.node = node == null ? MissingNode.getInstance() : node;
    }

    static ConfigEntry root(JsonNode node) {
        return new ConfigEntry("", node);
    }

    String path() {
        return path;
    }

    JsonNode node() {
        return node;
    }

    boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    ConfigEntry get(String key) {
        return new ConfigEntry(path.isEmpty() ? key : path + "." + key, node.get(key));
    }

    InvalidEntryException invalid(String problem) {
        return new InvalidEntryException(path, problem);
    }

    /** Fails on the first key that is not one of {@code known}: a typo must not be silently ignored. */
    ConfigEntry withKnownKeys(Set<String> known) {
        for (Iterator<String> keys = mapNode().fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw get(key).invalid("unknown key");
            }
        }
        return this;
    }

    /** The entries of a map in file order; none when absent. */
    Map<String, ConfigEntry> entries() {
        Map<String, ConfigEntry> entries = new LinkedHashMap<>();
        mapNode().fieldNames().forEachRemaining(key -> entries.put(key, get(key)));
        return entries;
    }

    /** The items of a list; none when absent. */
    List<ConfigEntry> items() {
        if (!isPresent()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("must be a list");
        }
        List<ConfigEntry> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new ConfigEntry(path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    String text() {
        return optionalText().orElseThrow(() -> invalid("missing"));
    }

    /**
     * Text only: YAML would read {@code password: 0123} as the number 83, so a number or a boolean
     * where text belongs is an error rather than a silent conversion.
     */
    Optional<String> optionalText() {
        if (!isPresent()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid("must be text (put it in quotes)");
        }
        if (node.textValue().isBlank()) {
            throw invalid("must not be blank");
        }
        return Optional.of(node.textValue());
    }

    boolean flag(boolean absentValue) {
        if (!isPresent()) {
            return absentValue;
        }
        if (!node.isBoolean()) {
            throw invalid("must be true or false");
        }
        return node.booleanValue();
    }

    /** @param unit what the number counts ("milliseconds"), for the message */
    long positiveNumber(long absentValue, String unit) {
        if (!isPresent()) {
            return absentValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() <= 0) {
            throw invalid("must be a positive whole number of " + unit);
        }
        return node.longValue();
    }

    private JsonNode mapNode() {
        if (!isPresent()) {
            return MissingNode.getInstance();
        }
        if (!node.isObject()) {
            throw invalid("must be a map");
        }
        return node;
    }
}
