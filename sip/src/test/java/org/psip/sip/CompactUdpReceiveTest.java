package org.psip.sip;

import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UDP is received into one buffer and each datagram queued as a copy of its own size:
 * JAIN-SIP's own receiver allocates the whole maximum message size (16 KB) per datagram.
 * Responses still leave from the listening socket, and a large message arrives whole.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CompactUdpReceiveTest extends CamelTestSupport {

    private static final String HOST = "127.0.0.1";
    private static final int DATAGRAMS = 200;
    private final int port = AvailablePortFinder.getNextAvailable();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sip:" + HOST + ":" + port + "?transports=udp").setHeader(SipConstants.RESPONSE_CODE, constant(486));
            }
        };
    }

    @Test
    void the_receiver_allocates_about_what_it_received_not_the_maximum_per_datagram() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            exchange(socket, options(socket, ""));
            Thread receiver = receiverThread();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getThreadAllocatedBytes(receiver.getId());

            int sentBytes = 0;
            for (int i = 0; i < DATAGRAMS; i++) {
                byte[] request = options(socket, "");
                sentBytes += request.length;
                exchange(socket, request);
            }

            long allocated = threads.getThreadAllocatedBytes(receiver.getId()) - before;
            // stock JAIN-SIP: at least 16 KB a datagram (3.2 MB here); a copy is the datagram plus headers
            assertThat(allocated).as("bytes the receiver allocated for %d datagrams of %d bytes", DATAGRAMS,
                    sentBytes).isLessThan(sentBytes * 3L + 64 * 1024);
        }
    }

    @Test
    void responses_leave_from_the_listening_port_and_a_large_message_arrives_whole() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            String padding = "X-Padding: " + "a".repeat(12_000) + "\r\n";

            DatagramPacket response = exchange(socket, options(socket, padding));

            assertThat(response.getPort()).isEqualTo(port);
            assertThat(new String(response.getData(), 0, response.getLength(), StandardCharsets.UTF_8))
                    .startsWith("SIP/2.0 200");
        }
    }

    /** Sends a request and returns its response. */
    private DatagramPacket exchange(DatagramSocket socket, byte[] request) throws Exception {
        socket.send(new DatagramPacket(request, request.length, new InetSocketAddress(HOST, port)));
        socket.setSoTimeout(5000);
        DatagramPacket response = new DatagramPacket(new byte[65536], 65536);
        socket.receive(response);
        return response;
    }

    private byte[] options(DatagramSocket socket, String extraHeaders) {
        long n = System.nanoTime();
        return ("OPTIONS sip:" + HOST + ":" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bK" + n + "\r\n"
                + "From: <sip:test@127.0.0.1>;tag=" + n + "\r\n"
                + "To: <sip:psip@127.0.0.1>\r\n"
                + "Call-ID: " + n + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private Thread receiverThread() {
        String name = "MessageProcessorThread-UDP-" + HOST + "/" + port;
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name));
    }
}
