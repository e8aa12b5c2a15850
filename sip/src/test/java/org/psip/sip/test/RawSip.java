package org.psip.sip.test;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SIP peer that sends bytes exactly as given and reads back whatever comes, for
 * tests that need what no well-behaved client sends (torture messages, hand-made
 * requests). One UDP socket, or one TCP connection.
 */
public final class RawSip implements Closeable {

    private final DatagramSocket udp;
    private final Socket tcp;
    private final InetSocketAddress target;
    private final ByteArrayOutputStream tcpBuffer = new ByteArrayOutputStream();

    private RawSip(DatagramSocket udp, Socket tcp, InetSocketAddress target) {
        this.udp = udp;
        this.tcp = tcp;
        this.target = target;
    }

    public static RawSip udp(String host, int port) throws IOException {
        return udp(host, port, "127.0.0.1");
    }

    /** Sending from another local address, e.g. 127.0.0.2 to be a second source for an ACL or a throttle. */
    public static RawSip udp(String host, int port, String localAddress) throws IOException {
        return new RawSip(new DatagramSocket(0, InetAddress.getByName(localAddress)), null,
                new InetSocketAddress(host, port));
    }

    public static RawSip tcp(String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 2000);
        return new RawSip(null, socket, new InetSocketAddress(host, port));
    }

    public boolean isTcp() {
        return tcp != null;
    }

    public String localAddress() {
        return isTcp() ? tcp.getLocalAddress().getHostAddress() : udp.getLocalAddress().getHostAddress();
    }

    public int localPort() {
        return isTcp() ? tcp.getLocalPort() : udp.getLocalPort();
    }

    public void send(byte[] message) throws IOException {
        if (isTcp()) {
            tcp.getOutputStream().write(message);
            tcp.getOutputStream().flush();
        } else {
            udp.send(new DatagramPacket(message, message.length, target));
        }
    }

    public void send(String message) throws IOException {
        send(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The next message, or null if none came within the wait. */
    public SipText receive(Duration wait) throws IOException {
        try {
            if (isTcp()) {
                tcp.setSoTimeout((int) wait.toMillis());
                return readFramed(tcp.getInputStream());
            }
            udp.setSoTimeout((int) wait.toMillis());
            byte[] buffer = new byte[65536];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            udp.receive(packet);
            return SipText.parse(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Every message until one has a final status (>= 200), or null if none came in the wait. */
    public List<SipText> receiveUntilFinal(Duration wait) throws IOException {
        List<SipText> received = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            SipText message = receive(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (message == null) {
                break;
            }
            received.add(message);
            if (message.status() >= 200) {
                break;
            }
        }
        return received;
    }

    /** True when the peer closed the TCP connection (read returns end of stream) within the wait. */
    public boolean closedByPeer(Duration wait) throws IOException {
        tcp.setSoTimeout((int) wait.toMillis());
        try {
            return tcp.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private SipText readFramed(InputStream in) throws IOException {
        while (true) {
            byte[] bytes = tcpBuffer.toByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                int length = contentLength(text.substring(0, end));
                int total = end + 4 + length;
                if (bytes.length >= total) {
                    tcpBuffer.reset();
                    tcpBuffer.write(bytes, total, bytes.length - total);
                    return SipText.parse(new String(bytes, 0, total, StandardCharsets.UTF_8));
                }
            }
            byte[] chunk = new byte[8192];
            int read = in.read(chunk);
            if (read < 0) {
                return null;
            }
            tcpBuffer.write(chunk, 0, read);
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            tcp.close();
        }
    }
}
