package org.psip.sip;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.psip.sip.test.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls in flight in bulk: every one keeps its route timeout and gets its answer. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SipConsumerLoadTest extends CamelTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();
    private final ParkingProcessor parking = new ParkingProcessor();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sip:127.0.0.1:" + port + "?transports=udp").process(parking);
            }
        };
    }

    @Test
    void more_than_a_thousand_calls_in_flight_all_get_their_answer() throws Exception {
        // a pool with a bounded queue for the route timeouts refused the 1,001st call in flight a 500
        Sipp sipp = Sipp.uac("127.0.0.1", port).calls(1100).rate(1100);
        Process caller = sipp.start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> parking.size() == 1100);

        parking.answerAll();

        Sipp.Result result = sipp.await(caller, Duration.ofSeconds(30));
        assertThat(result.exitCode()).as(result::describe).isZero();
    }

    /** Holds every exchange until told to answer them all with 200: calls in flight, on demand. */
    static final class ParkingProcessor implements AsyncProcessor {

        private final Queue<Map.Entry<Exchange, AsyncCallback>> parked = new ConcurrentLinkedQueue<>();

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            parked.add(Map.entry(exchange, callback));
            return false;
        }

        @Override
        public CompletableFuture<Exchange> processAsync(Exchange exchange) {
            throw new UnsupportedOperationException("only the callback form parks");
        }

        @Override
        public void process(Exchange exchange) {
            throw new UnsupportedOperationException("only the callback form parks");
        }

        int size() {
            return parked.size();
        }

        void answerAll() {
            for (Map.Entry<Exchange, AsyncCallback> call; (call = parked.poll()) != null; ) {
                call.getKey().getMessage().setHeader(SipConstants.RESPONSE_CODE, 200);
                call.getValue().done(false);
            }
        }
    }
}
