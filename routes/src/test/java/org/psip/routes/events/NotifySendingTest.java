package org.psip.routes.events;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.api.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** An NCCO notify sent on the call events' HTTP client: what comes back to the call, and what does not. */
class NotifySendingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final PublisherUnderTest events = new PublisherUnderTest();
    private final EventReceiver application = events.closeAfter(EventReceiver.start());

    NotifySendingTest() throws Exception {
    }

    @Test
    void the_applications_answer_comes_back_with_its_body() throws Exception {
        EventUrlPublisher publisher = events.start();
        application.answerBody("[{\"action\":\"talk\",\"text\":\"h\u00e9llo\"}]");

        NotifyAnswer answer = publisher.sendNotify(stepOne()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(answer.answered()).as(answer::failure).isTrue();
        assertThat(answer.body()).isEqualTo("[{\"action\":\"talk\",\"text\":\"h\u00e9llo\"}]");
        assertThat(application.next(WAIT).fields()).containsEntry("step", "one");
    }

    @Test
    void an_answer_longer_than_the_limit_is_not_read_and_counts_as_failed() throws Exception {
        EventUrlPublisher publisher = events.start();
        application.answerBody("[" + " ".repeat(EventHttpSender.MAX_NOTIFY_ANSWER) + "]");

        NotifyAnswer answer = publisher.sendNotify(stepOne()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(answer.answered()).isFalse();
        assertThat(answer.failure()).contains("longer than " + EventHttpSender.MAX_NOTIFY_ANSWER + " bytes");
    }

    @Test
    void a_stopped_publisher_sends_nothing_and_says_so() throws Exception {
        EventUrlPublisher publisher = events.start();
        publisher.stop();

        NotifyAnswer answer = publisher.sendNotify(stepOne()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(answer.failure()).isEqualTo("call events are stopped");
        assertThat(application.next(Duration.ofMillis(300))).isNull();
    }

    private NotifyRequest stepOne() throws Exception {
        return new NotifyRequest(application.url("/notify"), HttpMethod.POST, JSON.readTree("{\"step\":\"one\"}"),
                Duration.ofSeconds(1), Duration.ofSeconds(3));
    }
}
