package org.psip.routes.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.psip.api.Application;
import org.psip.routes.events.CallEvent.Status;
import org.psip.routes.events.Events.Call;

/**
 * One test's publishers and event_url servers, on a spool directory of the test's own:
 * all stopped, closed and removed after the test.
 */
final class PublisherUnderTest implements BeforeEachCallback, AfterEachCallback {

    private final List<EventUrlPublisher> publishers = new ArrayList<>();
    private final List<EventReceiver> receivers = new ArrayList<>();
    private Path spool;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        spool = Files.createTempDirectory("psip-events-test");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        publishers.forEach(EventUrlPublisher::stop);
        receivers.forEach(EventReceiver::close);
        try (Stream<Path> files = Files.walk(spool)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    Path spool() {
        return spool;
    }

    /** A started publisher that retries within milliseconds. */
    EventUrlPublisher start() {
        return start(Events.quickRetries(spool));
    }

    EventUrlPublisher start(EventDeliverySettings settings) {
        EventUrlPublisher publisher = new EventUrlPublisher(settings);
        publishers.add(publisher);
        publisher.start();
        return publisher;
    }

    /** The receiver, closed after the test. */
    EventReceiver closeAfter(EventReceiver receiver) {
        receivers.add(receiver);
        return receiver;
    }

    /** A new call whose events with these statuses are published, in this order. */
    static Call publishCall(EventUrlPublisher publisher, Application application, Status... statuses) {
        Call call = Call.next();
        for (Status status : statuses) {
            publisher.publish(application, call.event(status));
        }
        return call;
    }
}
