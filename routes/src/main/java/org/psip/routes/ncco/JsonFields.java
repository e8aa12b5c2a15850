package org.psip.routes.ncco;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.psip.api.HttpMethod;

/**
 * Reads one JSON object of an NCCO field by field, turning each problem into an {@link InvalidNccoException} that
 * says where it is. It remembers which fields were read, so that what is left over becomes the extras.
 *
 * <p>A field set to JSON null counts as not given: SDKs that serialize every field send nulls for unset ones.
 */
final class JsonFields {

    private final JsonNode object;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private JsonFields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /** @param path where {@code node} is, e.g. {@code [1].endpoint[0]} */
    static JsonFields of(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new InvalidNccoException(path, "must be an object");
        }
        return new JsonFields(node, path);
    }

    String pathOf(String field) {
        return path + "." + field;
    }

    InvalidNccoException invalid(String field, String problem) {
        return new InvalidNccoException(pathOf(field), problem);
    }

    /** The field's value, or null when not given. */
    JsonNode value(String field) {
        read.add(field);
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    JsonNode required(String field) {
        JsonNode value = value(field);
        if (value == null) {
            throw invalid(field, "missing");
        }
        return value;
    }

    /** A nested object's fields, or null when not given. */
    JsonFields object(String field) {
        JsonNode value = value(field);
        return value == null ? null : of(value, pathOf(field));
    }

    String text(String field) {
        JsonNode value = value(field);
        return value == null ? null : text(field, value);
    }

    String requiredText(String field) {
        String text = text(field, required(field));
        if (text.isBlank()) {
            throw invalid(field, "must not be empty");
        }
        return text;
    }

    /**
     * Text that goes into a SIP message, where a line break would start a header of the application's making;
     * null when not given.
     */
    String singleLineText(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            throw invalid(field, "must not be empty");
        }
        if (hasControlCharacter(text)) {
            throw invalid(field, "must not contain line breaks or control characters");
        }
        return text;
    }

    /** true or false, or the strings "true" and "false" as a published example sends them. */
    boolean flag(String field, boolean whenNotGiven) {
        JsonNode value = value(field);
        if (value == null) {
            return whenNotGiven;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && ("true".equals(value.textValue()) || "false".equals(value.textValue()))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw invalid(field, "must be true or false");
    }

    int wholeNumber(String field, int min, int max, int whenNotGiven) {
        Integer number = wholeNumber(field, min, max);
        return number == null ? whenNotGiven : number;
    }

    Integer wholeNumber(String field, int min, int max) {
        JsonNode value = value(field);
        return value == null ? null : JsonNumbers.whole(value, min, max, problem -> invalid(field, problem));
    }

    double decimal(String field, double min, double max, double whenNotGiven) {
        JsonNode value = value(field);
        return value == null ? whenNotGiven : JsonNumbers.decimal(value, min, max, problem -> invalid(field, problem));
    }

    /** One of an enum's constants, spelled in lower case as the NCCO reference does; null when not given. */
    <E extends Enum<E>> E oneOf(String field, Class<E> choices) {
        String text = text(field);
        return text == null ? null : choice(text, choices, problem -> invalid(field, problem));
    }

    HttpMethod eventMethod() {
        String method = text("eventMethod");
        if (method == null) {
            return null;
        }
        for (HttpMethod known : HttpMethod.values()) {
            if (known.name().equalsIgnoreCase(method)) {
                return known;
            }
        }
        throw invalid("eventMethod", "must be GET or POST");
    }

    /** An array of strings, or null when not given. */
    List<String> strings(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw invalid(field, "must be an array of strings");
        }
        List<String> strings = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                throw new InvalidNccoException(pathOf(field) + "[" + i + "]", "must be a string");
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    String requiredUrl(String field) {
        required(field);
        return url(field);
    }

    /** An array of http or https URLs; empty when not given. */
    List<String> urls(String field) {
        List<String> urls = strings(field);
        if (urls == null) {
            return List.of();
        }
        for (int i = 0; i < urls.size(); i++) {
            if (!isUrl(urls.get(i), "http", "https")) {
                throw new InvalidNccoException(pathOf(field) + "[" + i + "]", "must be an http or https URL");
            }
        }
        return urls;
    }

    /** An array of at least one http or https URL. */
    List<String> requiredUrls(String field) {
        required(field);
        List<String> urls = urls(field);
        if (urls.isEmpty()) {
            throw invalid(field, "must not be empty");
        }
        return urls;
    }

    /** One http or https URL, or null when not given. */
    String url(String field) {
        String url = text(field);
        if (url != null && !isUrl(url, "http", "https")) {
            throw invalid(field, "must be an http or https URL");
        }
        return url;
    }

    /** What was given and not read, in the order given. Call it last. */
    Map<String, JsonNode> extras() {
        Map<String, JsonNode> extras = null;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!read.contains(field.getKey())) {
                if (extras == null) {
                    extras = new LinkedHashMap<>();
                }
                extras.put(field.getKey(), field.getValue());
            }
        }
        return extras == null ? Map.of() : Collections.unmodifiableMap(extras);
    }

    static <E extends Enum<E>> E choice(String text, Class<E> choices, ProblemAt problemAt) {
        E[] constants = choices.getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : constants) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw problemAt.invalid("must be one of " + allowed);
    }

    /** An absolute URL with a host, in one of the schemes given (compared ignoring case). */
    static boolean isUrl(String text, String... schemes) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) {
                return false;
            }
            for (String scheme : schemes) {
                if (scheme.equalsIgnoreCase(uri.getScheme())) {
                    return true;
                }
            }
            return false;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private String text(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return value.textValue();
    }

    /** Makes the exception for a problem with a value whose location the caller knows. */
    @FunctionalInterface
    interface ProblemAt {
        InvalidNccoException invalid(String problem);
    }
}
