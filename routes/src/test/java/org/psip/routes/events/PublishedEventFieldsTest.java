package org.psip.routes.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.psip.routes.events.CallEvent.Direction;
import org.psip.routes.events.CallEvent.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events psip sends against Vonage's published event webhook reference (copied into
 * test resources with its source): the same field names for each status, the same
 * timestamp format, and {@code duration} as a string.
 */
class PublishedEventFieldsTest {

    /** Vonage's billing and carrier fields: a gateway has nothing to put in them. */
    private static final Set<String> BILLING_FIELDS = Set.of("start_time", "end_time", "rate", "price", "network");
    /** What psip adds to a failure, so the application sees why. */
    private static final Set<String> FAILURE_FIELDS = Set.of("sip_code", "detail");
    private static final Pattern FIELD_ROW = Pattern.compile("^`([a-z_]+)` \\| (\\S+)");

    private static final Map<String, Map<String, String>> PUBLISHED = publishedTables();

    @ParameterizedTest
    @EnumSource(Status.class)
    void each_status_carries_the_fields_vonage_documents_for_it(Status status) {
        Map<String, String> published = PUBLISHED.get(status.wireName());
        assertThat(published).as("Vonage documents status %s", status.wireName()).isNotNull();

        Set<String> sent = CallEventFields.of(sample(status)).keySet();

        Set<String> expected = new HashSet<>(published.keySet());
        expected.removeAll(BILLING_FIELDS);
        Set<String> extra = new HashSet<>(sent);
        extra.removeAll(published.keySet());
        assertThat(sent).containsAll(expected);
        assertThat(extra).isSubsetOf(FAILURE_FIELDS);
    }

    @Test
    void the_timestamp_is_written_as_in_the_published_examples() {
        String example = PUBLISHED.get("started").get("timestamp"); // `2020-01-01T12:00:00.000Z`
        CallEvent event = new CallEvent(Status.STARTED, "u", "CON-u", "a", "b", Direction.INBOUND,
                Instant.parse("2020-01-01T12:00:00Z"), null, null, null);

        assertThat("`" + CallEventFields.of(event).get("timestamp") + "`").isEqualTo(example);
    }

    @Test
    void the_duration_is_a_string_of_seconds_as_the_published_schema_says() throws IOException {
        String schema = resource("/events/voice-api-duration-schema.yml");
        assertThat(schema).contains("type: string");
        CallEvent completed = new CallEvent(Status.COMPLETED, "u", "CON-u", "a", "b", Direction.INBOUND,
                Instant.now(), null, null, 60L);

        assertThat(CallEventFields.of(completed).get("duration")).isEqualTo("60");
        assertThat(schema).contains("example: \"60\"");
    }

    private static CallEvent sample(Status status) {
        boolean failure = List.of(Status.BUSY, Status.CANCELLED, Status.REJECTED, Status.FAILED, Status.TIMEOUT,
                Status.UNANSWERED).contains(status);
        return new CallEvent(status, "aaaaaaaa-bbbb-cccc-dddd-0123456789ab", "CON-aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
                "442079460000", "447700900000", Direction.OUTBOUND, Instant.now(), failure ? 486 : null,
                failure ? "Busy Here" : null, status == Status.COMPLETED ? 2L : null);
    }

    /** Section title (lower case) to its table's field names and examples. */
    private static Map<String, Map<String, String>> publishedTables() {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        Map<String, String> current = null;
        try {
            for (String line : resource("/events/webhook-reference-event-webhook.md").split("\n")) {
                if (line.startsWith("### ")) {
                    current = new LinkedHashMap<>();
                    tables.put(line.substring(4).trim().toLowerCase(Locale.ROOT), current);
                    continue;
                }
                Matcher row = FIELD_ROW.matcher(line);
                if (current != null && row.find()) {
                    current.put(row.group(1), row.group(2));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PublishedEventFieldsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
