package org.psip.sip;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.psip.sip.test.RawSip;
import org.psip.sip.test.SipText;
import org.psip.sip.test.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/** A hang is a failure, not a stalled build: every SIP exchange must end on its own. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SipConsumerTest extends CamelTestSupport {

    private static final String HOST = "127.0.0.1";
    private final int port = AvailablePortFinder.getNextAvailable();
    private final AtomicInteger answered = new AtomicInteger();
    private final CountDownLatch routeSawCancel = new CountDownLatch(1);
    private final CountDownLatch cancelListenerRan = new CountDownLatch(1);
    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String address = "sip:" + HOST + ":" + port;
                from(address + "?routeTimeout=1000")
                    .choice()
                        .when(header(SipConstants.REQUEST_URI_USER).isEqualTo("boom")).to("direct:boom")
                        .when(header(SipConstants.REQUEST_URI_USER).isEqualTo("silent")).to("direct:silent")
                        .when(header(SipConstants.REQUEST_URI_USER).isEqualTo("slow")).to("direct:slow")
                        .when(header(SipConstants.REQUEST_URI_USER).isEqualTo("challenge")).to("direct:challenge")
                        .otherwise().to("direct:answer")
                    .end();

                from("direct:boom").throwException(new IllegalStateException("the route broke"));

                from("direct:silent")
                    .delay(4000)
                    .setHeader(SipConstants.RESPONSE_CODE, constant(200));

                from("direct:slow")
                    .process(e -> e.getIn().getHeader(SipConstants.SERVER_CALL, SipServerCall.class)
                            .onCancel(cancelListenerRan::countDown))
                    .setHeader(SipConstants.RESPONSE_CODE, constant(180))
                    .to(address + "?operation=respond")
                    .delay(500)
                    .process(e -> {
                        if (e.getIn().getHeader(SipConstants.SERVER_CALL, SipServerCall.class).isCancelled()) {
                            routeSawCancel.countDown();
                        }
                    })
                    .setHeader(SipConstants.RESPONSE_CODE, constant(200));

                from("direct:challenge")
                    .setHeader(SipConstants.RESPONSE_CODE, constant(401))
                    .setHeader(SipConstants.RESPONSE_HEADERS, constant(Map.of(
                            "WWW-Authenticate", List.of("Digest realm=\"r\", nonce=\"n1\", algorithm=MD5",
                                    "Digest realm=\"r\", nonce=\"n1\", algorithm=SHA-256"),
                            "Retry-After", "30",
                            "Supported", "timer, 100rel")));

                from("direct:answer")
                    .setHeader(SipConstants.RESPONSE_CODE, constant(180))
                    .to(address + "?operation=respond")
                    .setHeader(SipConstants.RESPONSE_CODE, constant(200))
                    .process(e -> answered.incrementAndGet());
            }
        };
    }

    @Test
    void sipp_uac_calls_complete_over_udp() throws Exception {
        Sipp.Result result = Sipp.uac(HOST, port).calls(50).rate(50).run(Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(50);
        assertThat(answered).hasValue(50);
    }

    @Test
    void sipp_uac_calls_complete_over_tcp() throws Exception {
        Sipp.Result result = Sipp.uac(HOST, port).overTcp().calls(50).rate(50).run(Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(50);
        assertThat(answered).hasValue(50);
    }

    @Test
    void cancel_while_ringing_gets_487_and_the_route_learns_it() throws Exception {
        Sipp.Result result = Sipp.scenario("/scenarios/uac-cancel.xml", HOST, port).calls(1)
                .run(Duration.ofSeconds(20));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(cancelListenerRan.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(routeSawCancel.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void options_gets_200_with_allow() throws Exception {
        try (RawSip sip = RawSip.udp(HOST, port)) {
            sip.send(request("OPTIONS", "sip:" + HOST + ":" + port, sip, ""));
            SipText response = sip.receive(Duration.ofSeconds(5));

            assertThat(response).isNotNull();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Allow")).contains("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS");
        }
    }

    @Test
    void route_that_throws_gets_500_with_a_reason() throws Exception {
        SipText response = inviteAndAck("sip:boom@" + HOST + ":" + port, "");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Reason")).startsWith("SIP;cause=500").contains("IllegalStateException");
    }

    @Test
    void route_that_never_answers_gets_the_timeout_response() throws Exception {
        long started = System.nanoTime();
        SipText response = inviteAndAck("sip:silent@" + HOST + ":" + port, "");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Reason")).contains("no answer from the call flow within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void response_headers_the_route_sets_are_sent_one_per_value() throws Exception {
        SipText response = inviteAndAck("sip:challenge@" + HOST + ":" + port, "");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers("WWW-Authenticate")).hasSize(2);
        assertThat(response.headers("WWW-Authenticate").get(0)).contains("algorithm=MD5");
        assertThat(response.headers("WWW-Authenticate").get(1)).contains("algorithm=SHA-256");
        assertThat(response.header("Retry-After")).isEqualTo("30");
        assertThat(String.join(",", response.headers("Supported"))).contains("timer").contains("100rel");
    }

    @Test
    void invite_whose_route_header_names_psip_is_served_as_addressed_to_psip() throws Exception {
        try (RawSip sip = RawSip.udp(HOST, port)) {
            String invite = request("INVITE", "sip:alice@example.com", sip,
                    "Route: <sip:" + HOST + ":" + port + ";lr>\r\n");
            sip.send(invite);
            List<SipText> responses = sip.receiveUntilFinal(Duration.ofSeconds(5));

            assertThat(responses).extracting(SipText::status).contains(180, 200);
            assertThat(answered).hasValue(1);
        }
    }

    @Test
    void every_invite_gets_100_trying_first_and_nothing_provisional_after_the_answer() throws Exception {
        // the stack's own Trying is a 200 ms timer that raced the answer: a 100 could leave after the 200
        try (RawSip sip = RawSip.udp(HOST, port)) {
            for (int i = 0; i < 20; i++) {
                String requestUri = "sip:alice@" + HOST + ":" + port;
                sip.send(request("INVITE", requestUri, sip, ""));
                List<SipText> responses = sip.receiveUntilFinal(Duration.ofSeconds(5));

                assertThat(responses).extracting(SipText::status).containsExactly(100, 180, 200);
                assertThat(responses.get(0).header("To")).doesNotContain("tag=");
                sip.send(responses.get(2).ackFor(requestUri));
            }
            assertThat(sip.receive(Duration.ofMillis(400))).as("nothing after the final response").isNull();
        }
    }

    @Test
    void methods_psip_does_not_serve_get_405_and_unknown_ones_501() throws Exception {
        try (RawSip sip = RawSip.udp(HOST, port)) {
            sip.send(request("REGISTER", "sip:" + HOST, sip, ""));
            SipText register = sip.receive(Duration.ofSeconds(5));
            sip.send(request("FROBNICATE", "sip:" + HOST, sip, ""));
            SipText unknown = sip.receive(Duration.ofSeconds(5));

            assertThat(register.status()).isEqualTo(405);
            assertThat(register.header("Allow")).contains("INVITE");
            assertThat(unknown.status()).isEqualTo(501);
            assertThat(unknown.header("Allow")).contains("INVITE");
        }
    }

    @Test
    void bye_for_an_unknown_dialog_gets_481() throws Exception {
        try (RawSip sip = RawSip.udp(HOST, port)) {
            sip.send(request("BYE", "sip:" + HOST + ":" + port, sip, "").replace("To: <sip:bob@example.com>",
                    "To: <sip:bob@example.com>;tag=nosuchdialog"));
            SipText response = sip.receive(Duration.ofSeconds(5));

            assertThat(response.status()).isEqualTo(481);
        }
    }

    private SipText inviteAndAck(String requestUri, String extraHeaders) throws Exception {
        try (RawSip sip = RawSip.udp(HOST, port)) {
            sip.send(request("INVITE", requestUri, sip, extraHeaders));
            List<SipText> responses = sip.receiveUntilFinal(Duration.ofSeconds(5));
            assertThat(responses).isNotEmpty();
            SipText last = responses.get(responses.size() - 1);
            sip.send(last.ackFor(requestUri));
            return last;
        }
    }

    static String request(String method, String requestUri, RawSip sip, String extraHeaders) {
        long n = System.nanoTime();
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + (sip.isTcp() ? "TCP" : "UDP") + " 127.0.0.1:" + sip.localPort()
                + ";branch=z9hG4bK" + n + "\r\n"
                + "From: <sip:test@127.0.0.1>;tag=" + n + "\r\n"
                + "To: <sip:bob@example.com>\r\n"
                + "Call-ID: " + n + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:test@127.0.0.1:" + sip.localPort() + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n";
    }
}
