package org.psip.routes.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A call event as event_url receives it: the field names and formats of Vonage's event
 * webhook ({@code conversation_uuid}, a millisecond ISO-8601 UTC {@code timestamp},
 * {@code duration} as a string of seconds), with {@code sip_code} and {@code detail} on
 * failures. The same fields are the POST body's JSON object and the GET query.
 */
public final class CallEventFields {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CallEventFields() {
    }

    /** The fields in the order Vonage documents them; absent values are left out. */
    public static Map<String, Object> of(CallEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>(16);
        putIfPresent(fields, "from", event.from());
        putIfPresent(fields, "to", event.to());
        fields.put("uuid", event.uuid());
        putIfPresent(fields, "conversation_uuid", event.conversationUuid());
        fields.put("status", event.status().wireName());
        fields.put("direction", event.direction().wireName());
        fields.put("timestamp", TIMESTAMP.format(event.timestamp()));
        if (event.durationSeconds() != null) {
            fields.put("duration", Long.toString(event.durationSeconds()));
        }
        putIfPresent(fields, "sip_code", event.sipCode());
        putIfPresent(fields, "detail", event.detail());
        return fields;
    }

    /** The event these fields describe: how a spooled event is read back. */
    public static CallEvent parse(Map<String, ?> fields) {
        Object duration = fields.get("duration");
        Object sipCode = fields.get("sip_code");
        return new CallEvent(
                CallEvent.Status.valueOf(text(fields, "status").toUpperCase(Locale.ROOT)),
                text(fields, "uuid"), text(fields, "conversation_uuid"), text(fields, "from"), text(fields, "to"),
                CallEvent.Direction.valueOf(text(fields, "direction").toUpperCase(Locale.ROOT)),
                Instant.parse(text(fields, "timestamp")),
                sipCode == null ? null : Integer.valueOf(sipCode.toString()), text(fields, "detail"),
                duration == null ? null : Long.valueOf(duration.toString()));
    }

    private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static String text(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
