package org.psip.routes.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.api.Application;
import org.psip.api.HttpMethod;
import org.psip.routes.events.CallEvent.Status;
import org.psip.routes.events.EventReceiver.Received;
import org.psip.routes.events.Events.Call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.psip.routes.events.PublisherUnderTest.publishCall;

/** Events that outlive the gateway: spooled at a stop or while they wait, and sent after the next start. */
class EventSpoolTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final PublisherUnderTest events = new PublisherUnderTest();

    @Test
    void a_stop_spools_undelivered_events_and_the_next_start_sends_them_in_order() throws Exception {
        int port = EventReceiver.freePort();
        Application application = Events.application(EventReceiver.url(port, "/events"), HttpMethod.POST);
        EventUrlPublisher stopping = events.start();
        Call first = Call.next();
        stopping.publish(application, first.event(Status.STARTED));
        stopping.publish(application, first.event(Status.ANSWERED));
        Call second = publishCall(stopping, application, Status.STARTED);
        stopping.publish(application, first.event(Status.COMPLETED));

        stopping.stop();

        assertThat(stopping.stats()).extracting(CallEventStats::spooled, CallEventStats::pending)
                .containsExactly(4L, 0);
        assertThat(spoolFiles()).hasSize(2);
        EventReceiver receiver = events.closeAfter(EventReceiver.startOn(port));
        EventUrlPublisher restarted = events.start();
        List<Received> received = List.of(receiver.next(WAIT), receiver.next(WAIT), receiver.next(WAIT),
                receiver.next(WAIT));
        assertThat(received.stream().filter(r -> first.uuid().equals(r.field("uuid"))).map(r -> r.field("status")))
                .containsExactly("started", "answered", "completed");
        assertThat(received.stream().filter(r -> second.uuid().equals(r.field("uuid"))).map(r -> r.field("status")))
                .containsExactly("started");
        await().atMost(WAIT).until(() -> spoolFiles().isEmpty());
        assertThat(restarted.stats()).extracting(CallEventStats::replayed, CallEventStats::delivered)
                .containsExactly(4L, 4L);
    }

    @Test
    void events_waiting_for_a_retry_are_already_on_disk() throws Exception {
        Application down = Events.application(EventReceiver.url(EventReceiver.freePort(), "/events"),
                HttpMethod.POST);

        publishCall(events.start(), down, Status.STARTED, Status.RINGING);

        // a crash now would lose nothing: the spool file holds both events, in order
        await().atMost(WAIT).untilAsserted(() -> assertThat(spooledStatuses()).containsExactly("started", "ringing"));
    }

    @Test
    void a_crash_mid_write_leaves_the_last_complete_spool_file_and_a_temporary_one_that_is_dropped()
            throws Exception {
        Call call = Call.next();
        Application application = Events.application("http://127.0.0.1:9/events", HttpMethod.POST);
        CallEvent started = call.event(Status.STARTED);
        EventSpool files = new EventSpool(events.spool());
        files.write(call.conversation(), List.of(new PendingEvent(EventTarget.of(application), started, 2)));
        Files.writeString(events.spool().resolve(call.conversation() + ".json.tmp"), "{\"conversation\":\"CON-half");
        Files.writeString(events.spool().resolve("CON-garbage.json"), "not json");

        Map<String, List<PendingEvent>> read = files.readAll();

        assertThat(read).containsOnlyKeys(call.conversation());
        assertThat(read.get(call.conversation())).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo(started);
            assertThat(event.attempts()).isEqualTo(2);
            assertThat(event.target()).isEqualTo(EventTarget.of(application));
        });
        try (Stream<Path> left = Files.list(events.spool())) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(call.conversation() + ".json", "CON-garbage.json.unreadable");
        }
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(events.spool())) {
            return files.filter(file -> file.toString().endsWith(".json")).toList();
        }
    }

    /** Read as the file is, without EventSpool, which would tidy the directory the publisher writes to. */
    private List<String> spooledStatuses() throws IOException {
        List<String> statuses = new ArrayList<>();
        for (Path file : spoolFiles()) {
            new ObjectMapper().readTree(file.toFile()).get("events")
                    .forEach(entry -> statuses.add(entry.get("event").get("status").asText()));
        }
        return statuses;
    }
}
