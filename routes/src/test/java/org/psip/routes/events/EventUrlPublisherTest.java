package org.psip.routes.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.api.Application;
import org.psip.api.HttpMethod;
import org.psip.routes.events.CallEvent.Direction;
import org.psip.routes.events.CallEvent.Status;
import org.psip.routes.events.EventReceiver.Received;
import org.psip.routes.events.Events.Call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/** Delivery to a working event_url: what arrives, in which order, and that publishing never waits for it. */
class EventUrlPublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final PublisherUnderTest events = new PublisherUnderTest();
    private final EventReceiver receiver = events.closeAfter(EventReceiver.start());
    private EventUrlPublisher publisher;

    EventUrlPublisherTest() throws Exception {
    }

    @Test
    void events_of_one_call_arrive_in_order_with_vonage_field_names() throws Exception {
        start();
        Application application = Events.application(receiver.url("/events"), HttpMethod.POST);
        Instant answeredAt = Instant.parse("2026-03-01T09:15:02.040Z");
        CallEvent answered = new CallEvent(Status.ANSWERED, "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
                "CON-aaaaaaaa-bbbb-cccc-dddd-0123456789ab", "447700900000", "442079460000", Direction.INBOUND,
                answeredAt, null, null, null);
        CallEvent completed = new CallEvent(Status.COMPLETED, answered.uuid(), answered.conversationUuid(),
                answered.from(), answered.to(), Direction.INBOUND, answeredAt.plusSeconds(12), null, null, 12L);

        Call call = new Call(answered.uuid(), answered.conversationUuid());
        publisher.publish(application, call.event(Status.STARTED));
        publisher.publish(application, call.event(Status.RINGING));
        publisher.publish(application, answered);
        publisher.publish(application, completed);

        List<Received> requests = received(4);
        assertThat(requests).extracting(request -> request.field("status"))
                .containsExactly("started", "ringing", "answered", "completed");
        Received answeredRequest = requests.get(2);
        Received completedRequest = requests.get(3);
        assertThat(answeredRequest.method()).isEqualTo("POST");
        assertThat(answeredRequest.contentType()).startsWith("application/json");
        assertThat(answeredRequest.fields()).containsExactly(entry("from", "447700900000"),
                entry("to", "442079460000"), entry("uuid", "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"),
                entry("conversation_uuid", "CON-aaaaaaaa-bbbb-cccc-dddd-0123456789ab"), entry("status", "answered"),
                entry("direction", "inbound"), entry("timestamp", "2026-03-01T09:15:02.040Z"));
        assertThat(completedRequest.fields()).containsEntry("status", "completed")
                .containsEntry("timestamp", "2026-03-01T09:15:14.040Z").containsEntry("duration", "12");
    }

    @Test
    void a_failure_carries_its_sip_code_and_detail() throws Exception {
        start();
        Call call = Call.next();
        CallEvent failed = new CallEvent(Status.FAILED, call.uuid(), call.conversation(), "caller", "1234",
                Direction.INBOUND, Instant.now(), 480, "answer_url refused the connection", null);

        publisher.publish(Events.application(receiver.url("/events"), HttpMethod.POST), failed);

        assertThat(receiver.next(WAIT).fields()).containsEntry("status", "failed").containsEntry("sip_code", 480)
                .containsEntry("detail", "answer_url refused the connection").doesNotContainKey("duration");
    }

    @Test
    void get_sends_the_fields_as_query_parameters_after_the_url_own() throws Exception {
        start();
        Call call = Call.next();
        CallEvent failed = new CallEvent(Status.BUSY, call.uuid(), call.conversation(), "caller", "sip:bob@pbx",
                Direction.OUTBOUND, Instant.parse("2026-03-01T09:15:02Z"), 486, "Busy Here", null);

        publisher.publish(Events.application(receiver.url("/events?app=42"), HttpMethod.GET), failed);

        Received request = receiver.next(WAIT);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.fields()).containsExactly(entry("app", "42"), entry("from", "caller"),
                entry("to", "sip:bob@pbx"), entry("uuid", call.uuid()), entry("conversation_uuid", call.conversation()),
                entry("status", "busy"), entry("direction", "outbound"), entry("timestamp", "2026-03-01T09:15:02.000Z"),
                entry("sip_code", "486"), entry("detail", "Busy Here"));
    }

    @Test
    void a_slow_event_url_holds_up_neither_publish_nor_other_calls() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        receiver.respond(request -> {
            if (request.path().equals("/slow") && request.field("status").equals("started")) {
                firstArrived.countDown();
                releaseFirst.await(); // the application takes its time over the first event
            }
            return 200;
        });
        start();
        Application slow = Events.application(receiver.url("/slow"), HttpMethod.POST);
        Call held = Call.next();
        publisher.publish(slow, held.event(Status.STARTED));
        assertThat(firstArrived.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        receiver.next(WAIT);

        // the server holds the first request: these calls return all the same
        publisher.publish(slow, held.event(Status.ANSWERED));
        Call other = Call.next();
        publisher.publish(Events.application(receiver.url("/fast"), HttpMethod.POST), other.event(Status.STARTED));

        Received otherCall = receiver.next(WAIT);
        assertThat(otherCall.path()).isEqualTo("/fast");
        assertThat(releaseFirst.getCount()).as("the first request is still held").isEqualTo(1);
        assertThat(receiver.nextIfAny()).as("the held call's next event waits for the first").isNull();
        releaseFirst.countDown();
        Received heldNext = receiver.next(WAIT);
        assertThat(heldNext.path()).isEqualTo("/slow");
        assertThat(heldNext.field("status")).isEqualTo("answered");
    }

    @Test
    void calls_proceed_side_by_side_each_in_its_own_order() throws Exception {
        start();
        Application application = Events.application(receiver.url("/events"), HttpMethod.POST);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(Call.next());
        }
        for (Status status : List.of(Status.STARTED, Status.RINGING, Status.ANSWERED, Status.COMPLETED)) {
            calls.forEach(call -> publisher.publish(application, call.event(status)));
        }

        List<Received> all = received(200);
        for (Call call : calls) {
            assertThat(all.stream().filter(r -> call.uuid().equals(r.field("uuid"))).map(r -> r.field("status")))
                    .containsExactly("started", "ringing", "answered", "completed");
        }
        await().atMost(WAIT).until(() -> publisher.stats().pending() == 0);
        assertThat(publisher.stats()).isEqualTo(new CallEventStats(200, 200, 0, 0, 0, 0, 0));
    }

    @Test
    void an_application_without_event_url_gets_nothing_and_counts_nothing() throws Exception {
        start();

        publisher.publish(Events.application(null, HttpMethod.POST), Call.next().event(Status.STARTED));

        assertThat(publisher.stats().published()).isZero();
    }

    private void start() {
        publisher = events.start();
    }

    private List<Received> received(int count) throws InterruptedException {
        List<Received> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Received request = receiver.next(WAIT);
            assertThat(request).as("event %d of %d", i + 1, count).isNotNull();
            requests.add(request);
        }
        return requests;
    }
}
