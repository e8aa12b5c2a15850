package org.psip.sip;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.psip.sip.test.SipText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A callee that did not hear psip's ACK repeats its 200 after the INVITE transaction is
 * gone: psip sends the same ACK again (RFC 3261 13.2.2.4), and a 200 nobody asked for is
 * dropped without a word.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RepeatedAnswerTest extends CamelTestSupport {

    private static final String HOST = "127.0.0.1";
    private final int port = AvailablePortFinder.getNextAvailable();
    private final int calleePort = AvailablePortFinder.getNextAvailable();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sip:" + HOST + ":" + port + "?transports=udp");
            }
        };
    }

    @Test
    void a_200_repeated_after_the_ack_gets_the_same_ack_again_and_a_stray_200_gets_nothing() throws Exception {
        try (DatagramSocket callee = new DatagramSocket(calleePort, InetAddress.getByName(HOST))) {
            callee.setSoTimeout(5000);
            CompletableFuture<Exchange> answered = CompletableFuture.supplyAsync(() -> send(null, "INVITE"));
            SipText invite = receive(callee, "INVITE");
            byte[] ok = answer(invite);
            reply(callee, ok);
            SipClientCall leg = answered.get(10, TimeUnit.SECONDS).getMessage()
                    .getHeader(SipConstants.CLIENT_CALL, SipClientCall.class);
            send(leg, "ACK");
            SipText ack = receive(callee, "ACK");

            // as a callee repeats its 200 (after 0.5, 1, 2, 4 s…): by then the INVITE transaction,
            // terminated by the 200, is gone from the stack, and only the dialog knows the call
            SipService service = context.getComponent("sip", SipComponent.class).service(HOST, port);
            await().atMost(Duration.ofSeconds(10)).until(() -> service.activeClientTransactions() == 0);
            reply(callee, ok);
            SipText again = receive(callee, "ACK");

            assertThat(again.header("CSeq")).isEqualTo(ack.header("CSeq"));
            assertThat(again.header("Call-ID")).isEqualTo(invite.header("Call-ID"));

            reply(callee, new String(ok, StandardCharsets.UTF_8).replace(invite.header("Call-ID"), "stray@127.0.0.1")
                    .replace("z9hG4bK", "z9hG4bKstray").getBytes(StandardCharsets.UTF_8));
            CompletableFuture.runAsync(() -> send(leg, "BYE"));
            assertThat(receive(callee, "BYE").header("Call-ID")).as("the next request after the stray 200 is the BYE")
                    .isEqualTo(invite.header("Call-ID"));
        }
    }

    private Exchange send(SipClientCall leg, String method) {
        return template.send("direct:send", e -> {
            e.getIn().setHeader(SipConstants.METHOD, method);
            e.getIn().setHeader(SipConstants.REQUEST_URI, "sip:service@" + HOST + ":" + calleePort);
            if (leg != null) {
                e.getIn().setHeader(SipConstants.CLIENT_CALL, leg);
            }
        });
    }

    /** The next request of this method, skipping the retransmissions of earlier ones. */
    private static SipText receive(DatagramSocket socket, String method) throws Exception {
        while (true) {
            DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
            socket.receive(packet);
            SipText message = SipText.parse(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            if (message.startLine().startsWith(method + " ")) {
                return message;
            }
        }
    }

    private static byte[] answer(SipText invite) {
        return ("SIP/2.0 200 OK\r\n"
                + "Via: " + invite.header("Via") + "\r\n"
                + "From: " + invite.header("From") + "\r\n"
                + "To: " + invite.header("To") + ";tag=callee\r\n"
                + "Call-ID: " + invite.header("Call-ID") + "\r\n"
                + "CSeq: " + invite.header("CSeq") + "\r\n"
                + "Contact: <sip:service@" + HOST + ":" + "CALLEE_PORT>\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private void reply(DatagramSocket socket, byte[] response) throws Exception {
        byte[] bytes = new String(response, StandardCharsets.UTF_8).replace("CALLEE_PORT", Integer.toString(calleePort))
                .getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(HOST, port)));
    }
}
