package org.psip.sip;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;

import javax.sip.ListeningPoint;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's NIO transports, with UDP received by {@link CompactUdpMessageProcessor}.
 * Installed as {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}. Should this JAIN-SIP
 * not have what that processor needs, UDP is JAIN-SIP's own, with a warning.
 */
public class CompactMessageProcessorFactory extends NioMessageProcessorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CompactMessageProcessorFactory.class);

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                                                   String transport) throws IOException {
        if (!transport.equalsIgnoreCase(ListeningPoint.UDP) || !(stack instanceof SipStackImpl sipStack)) {
            return super.createMessageProcessor(stack, address, port, transport);
        }
        int workers = Integer.parseInt(sipStack.getConfigurationProperties()
                .getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "-1").trim());
        if (workers <= 0 || !sendFromTheListeningSocket(stack)) {
            return super.createMessageProcessor(stack, address, port, transport);
        }
        return new CompactUdpMessageProcessor(address, stack, port, workers, stack.getMaxMessageSize(),
                sipStack.getStackName());
    }

    /**
     * What JAIN-SIP's own factory does for UDP, and what nothing else can: the flag that makes
     * responses leave from the listening socket (its port is what peers answer and NATs map).
     */
    private static boolean sendFromTheListeningSocket(SIPTransactionStack stack) {
        try {
            Field udpFlag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            udpFlag.setAccessible(true);
            udpFlag.setBoolean(stack, true);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("UDP is received by JAIN-SIP's own processor (a 16 KB buffer per datagram): {}", e.toString());
            return false;
        }
    }
}
