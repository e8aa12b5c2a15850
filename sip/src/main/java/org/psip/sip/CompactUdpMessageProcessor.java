package org.psip.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.LinkedList;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's UDP receiver, without its largest waste: the stock one allocates a fresh
 * buffer of the maximum message size (16 KB here) for every datagram and queues it whole,
 * although a SIP message is usually under 2 KB. This one receives into one buffer and
 * queues a copy of the bytes received. Everything else (the queue, the worker channels
 * that parse and dispatch, sending, stopping) is JAIN-SIP's own.
 */
final class CompactUdpMessageProcessor extends UDPMessageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(CompactUdpMessageProcessor.class);
    private static final int MAX_ERRORS_LOGGED = 10;

    private final int workers;
    private final int maxMessageSize;
    private final String threadName;

    CompactUdpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port, int workers,
                               int maxMessageSize, String stackName) throws IOException {
        super(address, stack, port);
        this.workers = workers;
        this.maxMessageSize = maxMessageSize;
        this.threadName = stackName + "-UDPMessageChannelThread-";
    }

    @Override
    public void run() {
        LinkedList<UDPMessageChannel> channels = new LinkedList<>();
        for (int i = 0; i < workers; i++) {
            channels.add(new Worker(sipStack, this, threadName + i));
        }
        messageChannels = channels;
        byte[] buffer = new byte[maxMessageSize];
        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
        int errors = 0;
        while (isRunning) {
            try {
                received.setLength(buffer.length);
                sock.receive(received);
                int length = received.getLength();
                DatagramPacket packet = new DatagramPacket(Arrays.copyOf(buffer, length), length,
                        received.getSocketAddress());
                messageQueue.offer(new DatagramQueuedMessageDispatch(packet, System.currentTimeMillis()));
                errors = 0;
            } catch (SocketTimeoutException e) {
                // a socket timeout only lets a thread auditor see this thread alive
            } catch (IOException | RuntimeException e) {
                if (!isRunning) {
                    return;
                }
                if (errors++ < MAX_ERRORS_LOGGED) {
                    LOG.warn("receiving on UDP {}:{} failed, going on: {}", getIpAddress().getHostAddress(), getPort(),
                            e.toString());
                }
            }
        }
    }

    /** One of the threads that parse and dispatch what was received: JAIN-SIP's channel as it is. */
    private static final class Worker extends UDPMessageChannel {

        Worker(SIPTransactionStack stack, UDPMessageProcessor processor, String threadName) {
            super(stack, processor, threadName);
        }
    }
}
