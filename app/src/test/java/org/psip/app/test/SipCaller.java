package org.psip.app.test;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.psip.sip.test.RawSip;
import org.psip.sip.test.SipText;

/**
 * A caller that writes its INVITEs by hand over one UDP socket, for what SIPp cannot
 * show: the headers of a response, a replayed Authorization, an answer to a chosen
 * challenge. Every INVITE is a new transaction and a new call (new branch, Call-ID and
 * From tag), and every final response is ACKed as RFC 3261 17.1.1.3 asks.
 */
public final class SipCaller implements Closeable {

    /** Longer than any flow under test takes, answer_url timeouts included. */
    private static final Duration FINAL_RESPONSE_WAIT = Duration.ofSeconds(8);

    private final RawSip sip;

    SipCaller(RawSip sip) {
        this.sip = sip;
    }

    /** A caller sending from 127.0.0.1 to a gateway the test started itself. */
    public static SipCaller udp(String host, int port) throws IOException {
        return new SipCaller(RawSip.udp(host, port));
    }

    /**
     * Sends an INVITE to requestUri with these extra header lines ("Name: value") and
     * returns its final response, already ACKed.
     */
    public SipText invite(String requestUri, String... headerLines) throws IOException {
        return inviteFrom("caller", requestUri, headerLines);
    }

    /** As {@link #invite}, from {@code sip:<fromUser>@<local address>}. */
    public SipText inviteFrom(String fromUser, String requestUri, String... headerLines) throws IOException {
        String callId = UUID.randomUUID() + "@" + sip.localAddress();
        sip.send(inviteText(fromUser, requestUri, callId, headerLines));
        SipText answer = finalResponse(callId);
        sip.send(answer.ackFor(requestUri));
        return answer;
    }

    private String inviteText(String fromUser, String requestUri, String callId, String... headerLines) {
        String tag = Long.toHexString(System.nanoTime());
        StringBuilder invite = new StringBuilder()
                .append("INVITE ").append(requestUri).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP ").append(sip.localAddress()).append(':').append(sip.localPort())
                .append(";branch=z9hG4bK").append(UUID.randomUUID()).append(";rport\r\n")
                .append("From: <sip:").append(fromUser).append('@').append(sip.localAddress()).append(">;tag=").append(tag).append("\r\n")
                .append("To: <").append(requestUri).append(">\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: 1 INVITE\r\n")
                .append("Contact: <sip:caller@").append(sip.localAddress()).append(':').append(sip.localPort())
                .append(">\r\n")
                .append("Max-Forwards: 70\r\n");
        for (String line : headerLines) {
            invite.append(line).append("\r\n");
        }
        return invite.append("Content-Length: 0\r\n\r\n").toString();
    }

    /** The final response for this call; a late retransmission for an earlier call is skipped. */
    private SipText finalResponse(String callId) throws IOException {
        List<SipText> seen = new ArrayList<>();
        long deadline = System.nanoTime() + FINAL_RESPONSE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SipText message = sip.receive(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (message == null) {
                break;
            }
            seen.add(message);
            if (message.status() >= 200 && callId.equals(message.header("Call-ID"))) {
                return message;
            }
        }
        throw new AssertionError("no final response to the INVITE (Call-ID " + callId + ") within "
                + FINAL_RESPONSE_WAIT.toSeconds() + " s; received: " + seen.stream().map(SipText::startLine).toList());
    }

    @Override
    public void close() throws IOException {
        sip.close();
    }
}
