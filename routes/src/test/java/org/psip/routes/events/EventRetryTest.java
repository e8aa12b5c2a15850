package org.psip.routes.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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

/** An event_url that is down, failing or refusing: what is tried again, and what is given up. */
class EventRetryTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final PublisherUnderTest events = new PublisherUnderTest();

    @Test
    void an_event_url_down_for_a_while_gets_every_event_in_order_once_it_is_back() throws Exception {
        int port = EventReceiver.freePort();
        EventUrlPublisher publisher = events.start();
        publishCall(publisher, Events.application(EventReceiver.url(port, "/events"), HttpMethod.POST),
                Status.STARTED, Status.ANSWERED, Status.COMPLETED);

        await().atMost(WAIT).until(() -> publisher.stats().retried() >= 3); // refused, again and again
        EventReceiver receiver = events.closeAfter(EventReceiver.startOn(port));

        assertThat(receiver.next(WAIT).field("status")).isEqualTo("started");
        assertThat(receiver.next(WAIT).field("status")).isEqualTo("answered");
        assertThat(receiver.next(WAIT).field("status")).isEqualTo("completed");
        await().atMost(WAIT).until(() -> publisher.stats().delivered() == 3);
        assertThat(publisher.stats().givenUp()).isZero();
    }

    @Test
    void a_failing_event_url_is_probed_by_one_call_while_the_others_wait_without_requests() throws Exception {
        AtomicBoolean up = new AtomicBoolean();
        EventReceiver receiver = events.closeAfter(EventReceiver.start().respond(request -> up.get() ? 200 : 503));
        EventUrlPublisher publisher = events.start();
        Application application = Events.application(receiver.url("/events"), HttpMethod.POST);
        Call prober = publishCall(publisher, application, Status.STARTED, Status.COMPLETED);
        await().atMost(WAIT).until(() -> publisher.stats().retried() >= 1);

        List<Call> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiting.add(publishCall(publisher, application, Status.STARTED, Status.COMPLETED));
        }
        List<Received> whileDown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            whileDown.add(receiver.next(WAIT)); // the first attempt, then a probe after each delay
        }
        assertThat(whileDown).extracting(request -> request.field("uuid")).containsOnly(prober.uuid());

        up.set(true);
        List<Received> afterwards = new ArrayList<>();
        for (Received request = receiver.next(WAIT); request != null; request = receiver.next(Duration.ofMillis(300))) {
            afterwards.add(request);
        }
        for (Call call : waiting) {
            assertThat(afterwards.stream().filter(r -> call.uuid().equals(r.field("uuid"))).map(r -> r.field("status")))
                    .containsExactly("started", "completed");
        }
    }

    @Test
    void an_event_url_slower_than_the_applications_read_timeout_is_tried_again() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        EventReceiver receiver = events.closeAfter(EventReceiver.start().respond(request -> {
            if (requests.incrementAndGet() == 1) {
                releaseFirst.await(); // holds the first request well past the 300 ms read timeout
            }
            return 200;
        }));
        EventUrlPublisher publisher = events.start();

        publishCall(publisher, Events.application(receiver.url("/events"), HttpMethod.POST, Duration.ofMillis(300)),
                Status.STARTED);

        assertThat(receiver.next(WAIT).field("status")).isEqualTo("started");
        assertThat(receiver.next(WAIT)).as("the same event again, while the first request is still held")
                .extracting(request -> request.field("status")).isEqualTo("started");
        assertThat(releaseFirst.getCount()).isEqualTo(1);
        releaseFirst.countDown();
        await().atMost(WAIT).until(() -> publisher.stats().delivered() == 1);
    }

    @Test
    void a_503_is_tried_again_before_the_next_event_goes() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        EventReceiver receiver = events.closeAfter(EventReceiver.start()
                .respond(request -> requests.incrementAndGet() == 1 ? 503 : 200));
        EventUrlPublisher publisher = startedThenAnswered(receiver, events.start());

        assertThat(receiver.next(WAIT).field("status")).isEqualTo("started");
        assertThat(receiver.next(WAIT).field("status")).as("started again after the 503").isEqualTo("started");
        assertThat(receiver.next(WAIT).field("status")).isEqualTo("answered");
        await().atMost(WAIT).until(() -> publisher.stats().delivered() == 2);
        assertThat(publisher.stats().retried()).isEqualTo(1);
    }

    @Test
    void a_4xx_is_given_up_without_another_try() throws Exception {
        EventReceiver receiver = events.closeAfter(EventReceiver.start()
                .respond(request -> "started".equals(request.field("status")) ? 404 : 200));
        EventUrlPublisher publisher = startedThenAnswered(receiver, events.start());

        assertThat(receiver.next(WAIT).field("status")).isEqualTo("started");
        assertThat(receiver.next(WAIT).field("status")).as("the next event, not the 404'd one again")
                .isEqualTo("answered");
        await().atMost(WAIT).until(() -> publisher.stats().pending() == 0);
        assertThat(publisher.stats()).extracting(CallEventStats::delivered, CallEventStats::retried,
                CallEventStats::givenUp).containsExactly(1L, 0L, 1L);
    }

    @Test
    void an_event_out_of_attempts_is_given_up_and_the_next_one_goes() throws Exception {
        EventReceiver receiver = events.closeAfter(EventReceiver.start()
                .respond(request -> "started".equals(request.field("status")) ? 500 : 200));
        EventUrlPublisher publisher = startedThenAnswered(receiver,
                events.start(Events.quickRetries(events.spool(), 3, 1000)));

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(receiver.next(WAIT).field("status")).as("attempt %d", attempt).isEqualTo("started");
        }
        assertThat(receiver.next(WAIT).field("status")).isEqualTo("answered");
        await().atMost(WAIT).until(() -> publisher.stats().pending() == 0);
        assertThat(publisher.stats()).extracting(CallEventStats::retried, CallEventStats::givenUp)
                .containsExactly(2L, 1L);
    }

    @Test
    void events_over_the_in_memory_limit_are_given_up_and_counted() throws Exception {
        EventUrlPublisher publisher = events.start(Events.quickRetries(events.spool(), 1000, 2));
        Application down = Events.application(EventReceiver.url(EventReceiver.freePort(), "/events"),
                HttpMethod.POST);

        publishCall(publisher, down, Status.STARTED, Status.RINGING, Status.ANSWERED);

        assertThat(publisher.stats()).extracting(CallEventStats::published, CallEventStats::givenUp,
                CallEventStats::pending).containsExactly(2L, 1L, 2);
    }

    private static EventUrlPublisher startedThenAnswered(EventReceiver receiver, EventUrlPublisher publisher) {
        publishCall(publisher, Events.application(receiver.url("/events"), HttpMethod.POST), Status.STARTED,
                Status.ANSWERED);
        return publisher;
    }
}
