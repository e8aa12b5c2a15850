package org.psip.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.psip.sip.test.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/** A hang is a failure, not a stalled build: every SIP exchange must end on its own. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SipProducerTest extends CamelTestSupport {

    private static final String HOST = "127.0.0.1";
    private static final String OFFER = "v=0\r\no=psip 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private final int port = AvailablePortFinder.getNextAvailable();
    private final int calleePort = AvailablePortFinder.getNextAvailable();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sip:" + HOST + ":" + port + "?transports=udp");
                from("direct:sendWithShortRing").to("sip:" + HOST + ":" + port + "?transports=udp&ringTimeout=1000");
            }
        };
    }

    @Test
    void invite_to_sipp_builtin_uas_is_answered_acked_and_hung_up() throws Exception {
        Callee callee = start(Sipp.uas(calleePort).calls(1));

        Exchange answered = send(null, "INVITE", OFFER);
        assertThat(answered.getException()).isNull();
        assertThat(answered.getMessage().getHeader(SipConstants.RESPONSE_CODE)).isEqualTo(200);
        assertThat(answered.getMessage().getBody(String.class)).contains("m=audio");
        SipClientCall leg = answered.getMessage().getHeader(SipConstants.CLIENT_CALL, SipClientCall.class);

        assertThat(send(leg, "ACK", null).getException()).isNull();
        Exchange hungUp = send(leg, "BYE", null);
        assertThat(hungUp.getException()).isNull();
        assertThat(hungUp.getMessage().getHeader(SipConstants.RESPONSE_CODE)).isEqualTo(200);

        Sipp.Result result = callee.finish();
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.successfulCalls()).isEqualTo(1);
    }

    @Test
    void provisional_responses_reach_the_route_before_the_answer() throws Exception {
        Callee callee = start(scripted("/scenarios/uas-ring-then-answer.xml"));
        List<Integer> heardLive = new CopyOnWriteArrayList<>();

        Exchange answered = template.send("direct:send", e -> {
            e.getIn().setHeader(SipConstants.REQUEST_URI, "sip:service@" + HOST + ":" + calleePort);
            e.getIn().setHeader(SipConstants.PROVISIONAL_LISTENER,
                    (Consumer<SipResponse>) response -> heardLive.add(response.code()));
            e.getIn().setBody(OFFER);
        });

        assertThat(answered.getMessage().getHeader(SipConstants.RESPONSE_CODE)).isEqualTo(200);
        assertThat(heardLive).containsExactly(180);
        List<SipResponse> provisional = answered.getMessage().getHeader(SipConstants.PROVISIONAL_RESPONSES, List.class);
        assertThat(provisional).extracting(SipResponse::code).containsExactly(180);
        SipClientCall leg = answered.getMessage().getHeader(SipConstants.CLIENT_CALL, SipClientCall.class);
        send(leg, "ACK", null);
        send(leg, "BYE", null);
        assertThat(callee.finish().exitCode()).isZero();
    }

    @Test
    void cancel_of_a_ringing_invite_ends_it_with_487() throws Exception {
        Callee callee = start(scripted("/scenarios/uas-ring-until-cancel.xml"));

        Exchange ringing = template.send("direct:send", e -> {
            e.getIn().setHeader(SipConstants.REQUEST_URI, "sip:ring@" + HOST + ":" + calleePort);
            e.getIn().setHeader(SipConstants.PROVISIONAL_LISTENER,
                    (Consumer<SipResponse>) response -> {
                        SipClientCall leg = e.getIn().getHeader(SipConstants.CLIENT_CALL, SipClientCall.class);
                        leg.cancel();
                    });
            e.getIn().setBody(OFFER);
        });

        assertThat(ringing.getException()).isNull();
        assertThat(ringing.getMessage().getHeader(SipConstants.RESPONSE_CODE)).isEqualTo(487);
        Sipp.Result result = callee.finish();
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void a_callee_that_rings_past_the_ring_timeout_is_cancelled() throws Exception {
        Callee callee = start(scripted("/scenarios/uas-ring-until-cancel.xml"));

        Exchange unanswered = template.send("direct:sendWithShortRing", e -> {
            e.getIn().setHeader(SipConstants.REQUEST_URI, "sip:ring@" + HOST + ":" + calleePort);
            e.getIn().setBody(OFFER);
        });

        assertThat(unanswered.getMessage().getHeader(SipConstants.RESPONSE_CODE)).isEqualTo(487);
        Sipp.Result result = callee.finish();
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void invite_without_a_target_fails_clearly() {
        Exchange exchange = template.send("direct:send", e -> e.getIn().setBody(OFFER));

        assertThat(exchange.getException()).hasMessageContaining(SipConstants.REQUEST_URI);
    }

    private Exchange send(SipClientCall leg, String method, String body) {
        return template.send("direct:send", e -> {
            e.getIn().setHeader(SipConstants.METHOD, method);
            e.getIn().setHeader(SipConstants.REQUEST_URI, "sip:service@" + HOST + ":" + calleePort);
            if (leg != null) {
                e.getIn().setHeader(SipConstants.CLIENT_CALL, leg);
            }
            e.getIn().setBody(body);
        });
    }

    /** A SIPp callee on calleePort playing one call of a scenario file (a server: the target is ignored). */
    private Sipp scripted(String scenario) throws IOException {
        return Sipp.scenario(scenario, HOST, port).localPort(calleePort).calls(1);
    }

    private Callee start(Sipp sipp) throws IOException {
        Process process = sipp.start();
        Sipp.awaitBound(HOST, calleePort);
        return new Callee(sipp, process);
    }

    private record Callee(Sipp sipp, Process process) {
        Sipp.Result finish() throws IOException, InterruptedException {
            return sipp.await(process, Duration.ofSeconds(20));
        }
    }
}
