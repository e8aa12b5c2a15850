package org.psip.sip;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.psip.sip.test.RawSip;
import org.psip.sip.test.SipText;
import org.psip.sip.test.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route that consumes INVITEs is reloaded or replaced: Camel stops the old route
 * before it starts the new one with the same id. The SIP stack must outlive that
 * gap, and the INVITEs that arrive in it must reach the new route, not get refused.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SipRouteHandoverTest extends CamelTestSupport {

    private static final String HOST = "127.0.0.1";
    private static final String ROUTE = "calls";
    private final int port = AvailablePortFinder.getNextAvailable();
    private final AtomicInteger answered = new AtomicInteger();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return answering(200);
    }

    @Test
    void an_invite_sent_while_no_route_consumes_is_answered_by_the_route_that_takes_over() throws Exception {
        stopAndRemove();
        try (RawSip sip = RawSip.udp(HOST, port)) {
            sip.send(invite(sip));
            SipText trying = sip.receive(Duration.ofSeconds(5));
            assertThat(trying).as("the stack still listens").isNotNull();
            assertThat(trying.status()).isEqualTo(100);
            assertThat(sip.receive(Duration.ofMillis(300))).as("no answer before a route takes over").isNull();

            context.addRoutes(answering(486));
            SipText answer = sip.receive(Duration.ofSeconds(5));

            assertThat(answer).isNotNull();
            assertThat(answer.status()).as(answer.raw()).isEqualTo(486);
            sip.send(answer.ackFor(requestUri()));
        }
    }

    @Test
    void a_call_in_flight_finishes_on_the_route_being_stopped_and_one_arriving_meanwhile_goes_to_its_successor()
            throws Exception {
        replaceWith(holding(486));
        try (RawSip first = RawSip.udp(HOST, port); RawSip second = RawSip.udp(HOST, port)) {
            String requestUri = requestUri();
            first.send(invite(first));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            Route holding = context.getRoute(ROUTE);

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(this::stopAndRemove);
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> !ServiceHelper.isStarted(holding.getConsumer()));
            second.send(invite(second));
            assertThat(second.receive(Duration.ofSeconds(5)).status()).isEqualTo(100);
            release.countDown();

            SipText firstAnswer = finalResponse(first);
            assertThat(firstAnswer.status()).as("answered by the route it started on").isEqualTo(486);
            first.send(firstAnswer.ackFor(requestUri));
            stopped.get(10, TimeUnit.SECONDS);
            context.addRoutes(answering(603));
            SipText secondAnswer = finalResponse(second);
            assertThat(secondAnswer.status()).as("answered by the route that took over").isEqualTo(603);
            second.send(secondAnswer.ackFor(requestUri));
        }
    }

    @Test
    void invites_waiting_for_a_route_that_never_comes_get_480_after_the_handover_timeout() throws Exception {
        stopAndRemove();
        try (RawSip sip = RawSip.udp(HOST, port)) {
            long sent = System.nanoTime();
            sip.send(invite(sip));
            List<SipText> responses = sip.receiveUntilFinal(Duration.ofSeconds(5));
            SipText answer = responses.get(responses.size() - 1);

            assertThat(answer.status()).as(answer.raw()).isEqualTo(480);
            assertThat(answer.header("Reason")).contains("no route took the calls on " + HOST + ":" + port
                    + " over within 1000 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isBetween(Duration.ofMillis(900),
                    Duration.ofSeconds(4));
            sip.send(answer.ackFor(requestUri()));
        }
    }

    @Test
    void sipp_calls_at_a_steady_rate_all_complete_while_the_route_is_replaced_again_and_again() throws Exception {
        Sipp caller = Sipp.uac(HOST, port).calls(300).rate(100);
        Process sipp = caller.start();
        for (int swap = 1; swap <= 5; swap++) {
            int callsBefore = answered.get();
            // spread the swaps over the run: each one waits for some calls on the route before it
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> answered.get() >= callsBefore + 30);
            replaceWith(answering(200));
        }
        Sipp.Result result = caller.await(sipp, Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(300);
    }

    /** Like the call flow's answer_url step: the call waits on a thread pool until the test lets it go. */
    private RouteBuilder holding(int code) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sip:" + HOST + ":" + port + "?handoverTimeout=5000").routeId(ROUTE)
                    .threads(2)
                    .process(exchange -> {
                        entered.countDown();
                        release.await(10, TimeUnit.SECONDS);
                    })
                    .setHeader(SipConstants.RESPONSE_CODE, constant(code));
            }
        };
    }

    private void replaceWith(RouteBuilder route) throws Exception {
        stopAndRemove();
        context.addRoutes(route);
    }

    private void stopAndRemove() {
        try {
            context.getRouteController().stopRoute(ROUTE);
            context.removeRoute(ROUTE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String requestUri() {
        return "sip:alice@" + HOST + ":" + port;
    }

    private String invite(RawSip sip) {
        return SipConsumerTest.request("INVITE", requestUri(), sip, "");
    }

    private static SipText finalResponse(RawSip sip) throws Exception {
        List<SipText> responses = sip.receiveUntilFinal(Duration.ofSeconds(10));
        assertThat(responses).isNotEmpty();
        return responses.get(responses.size() - 1);
    }

    /** The route under test: answers every INVITE with the code, after a 180 when it is 200. */
    private RouteBuilder answering(int code) {
        String address = "sip:" + HOST + ":" + port;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(address + "?handoverTimeout=1000").routeId(ROUTE)
                    .choice().when(constant(code == 200))
                        .setHeader(SipConstants.RESPONSE_CODE, constant(180))
                        .to(address + "?operation=respond")
                    .end()
                    .setHeader(SipConstants.RESPONSE_CODE, constant(code))
                    .process(exchange -> answered.incrementAndGet());
            }
        };
    }
}
