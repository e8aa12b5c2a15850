package org.psip.routes.events;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing that happened to one leg of a call, as reported to the application's event_url.
 *
 * @param status           what happened
 * @param uuid             the leg's uuid
 * @param conversationUuid the conversation both legs of a bridged call share ({@code CON-…})
 * @param from             the caller (a number or a SIP URI)
 * @param to               the callee (a number or a SIP URI)
 * @param direction        inbound (the caller's leg) or outbound (a leg psip placed)
 * @param timestamp        when it happened
 * @param sipCode          the SIP status code behind a failure, else null
 * @param detail           readable words on a failure (the Reason text), else null
 * @param durationSeconds  the answered time of a {@code completed} leg, else null
 */
public record CallEvent(Status status, String uuid, String conversationUuid, String from, String to,
                        Direction direction, Instant timestamp, Integer sipCode, String detail,
                        Long durationSeconds) {

    public CallEvent {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The call states event_url hears about, named as on the wire. */
    public enum Status {
        STARTED, RINGING, ANSWERED, COMPLETED, BUSY, CANCELLED, REJECTED, FAILED, TIMEOUT, UNANSWERED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Direction {
        INBOUND, OUTBOUND;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
