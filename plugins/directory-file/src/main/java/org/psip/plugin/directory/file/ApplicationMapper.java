package org.psip.plugin.directory.file;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.psip.api.Application;
import org.psip.api.HttpMethod;

/** Maps the {@code applications} section: webhooks, methods, timeouts or an inline NCCO. */
final class ApplicationMapper {

    private static final Set<String> APPLICATION_KEYS = Set.of("answer_url", "answer_method",
            "fallback_answer_url", "event_url", "event_method", "connect_timeout", "read_timeout", "ncco");
    /** Inline NCCOs are handed on as the JSON an answer_url would have returned. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplicationMapper() {
    }

    static Map<String, Application> mapAll(ConfigEntry applications) {
        Map<String, Application> mapped = new LinkedHashMap<>();
        applications.entries().forEach((id, entry) -> mapped.put(id, map(id, entry)));
        return mapped;
    }

    static Application map(String id, ConfigEntry entry) {
        entry.withKnownKeys(APPLICATION_KEYS);
        String answerUrl = httpUrl(entry.get("answer_url"));
        String ncco = ncco(entry.get("ncco"));
        if (answerUrl == null && ncco == null) {
            throw entry.invalid("needs an answer_url or an inline ncco");
        }
        if (answerUrl != null && ncco != null) {
            throw entry.invalid("has both an answer_url and an inline ncco; keep one");
        }
        return new Application(id, answerUrl, method(entry.get("answer_method")),
                httpUrl(entry.get("fallback_answer_url")), httpUrl(entry.get("event_url")),
                method(entry.get("event_method")), milliseconds(entry.get("connect_timeout"),
                Application.DEFAULT_CONNECT_TIMEOUT), milliseconds(entry.get("read_timeout"),
                Application.DEFAULT_READ_TIMEOUT), ncco);
    }

    private static String httpUrl(ConfigEntry entry) {
        String text = entry.optionalText().orElse(null);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below, like any other URL psip cannot call
        }
        throw entry.invalid("'" + text + "' is not an absolute http or https URL");
    }

    private static HttpMethod method(ConfigEntry entry) {
        String text = entry.optionalText().orElse(null);
        if (text == null) {
            return null;
        }
        try {
            return HttpMethod.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw entry.invalid("'" + text + "' is not GET or POST");
        }
    }

    private static Duration milliseconds(ConfigEntry entry, Duration absentValue) {
        return Duration.ofMillis(entry.positiveNumber(absentValue.toMillis(), "milliseconds"));
    }

    /** The routes validate the actions; here it only has to be a list of them. */
    private static String ncco(ConfigEntry entry) {
        if (!entry.isPresent()) {
            return null;
        }
        JsonNode node = entry.node();
        if (!node.isArray() || node.isEmpty()) {
            throw entry.invalid("must be a non-empty list of NCCO actions");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject() || !node.get(i).path("action").isTextual()) {
                throw entry.items().get(i).invalid("must be an action, a map with an 'action' key");
            }
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw entry.invalid("cannot be written as JSON: " + e.getOriginalMessage());
        }
    }
}
