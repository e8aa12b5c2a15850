package org.psip.sip;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of a {@code sip:host:port} endpoint.
 *
 * <p>An address is one JAIN-SIP stack, shared by every consumer and producer
 * endpoint on that address; the stack options of the first endpoint that starts
 * it apply. The stack defaults were tuned on a 2-core machine (see the README's
 * benchmark section).
 */
@UriParams
public class SipConfiguration implements Cloneable {

    @UriPath(description = "The local address to listen on and send from")
    @Metadata(required = true)
    private String host;
    @UriPath(description = "The local port to listen on and send from", defaultValue = "5060")
    private int port = 5060;

    @UriParam(label = "common", defaultValue = "udp,tcp",
              description = "The transports to listen on, comma separated: udp, tcp")
    private String transports = "udp,tcp";

    @UriParam(label = "consumer", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long the route may take to answer an INVITE before the consumer answers it with"
                            + " routeTimeoutCode, so that no transaction hangs")
    private long routeTimeout = 10_000;
    @UriParam(label = "consumer", defaultValue = "500",
              description = "The final response sent when the route does not answer within routeTimeout")
    private int routeTimeoutCode = 500;
    @UriParam(label = "consumer,advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "When the consumer of an address stops (its route is reloaded or replaced), how long"
                            + " new INVITEs wait for the consumer that takes over before they are answered 480;"
                            + " the stack stays up for this long, or for routeTimeout if longer, so that neither"
                            + " the waiting INVITEs nor the calls still in flight on the old route are lost")
    private long handoverTimeout = 10_000;
    @UriParam(label = "consumer", defaultValue = "application/sdp,multipart/mixed",
              description = "The body content types an INVITE may carry; others get 415 Unsupported Media Type")
    private String acceptedContentTypes = "application/sdp,multipart/mixed";

    @UriParam(label = "producer", defaultValue = "request", enums = "request,respond,bridge",
              description = "request: send the request named by CamelSipMethod (INVITE, ACK, CANCEL, BYE);"
                            + " respond: send the response in CamelSipResponseCode on the exchange's inbound INVITE;"
                            + " bridge: INVITE CamelSipRequestUri and join it back to back with the exchange's"
                            + " inbound call (CamelSipServerCall)")
    private String operation = "request";
    @UriParam(label = "producer",
              description = "The From URI of INVITEs the producer sends when CamelSipFromUri is not set"
                            + " (default sip:psip@host:port)")
    private String fromUri;
    @UriParam(label = "producer", defaultValue = "60000",
              description = "How long an outbound INVITE may go unanswered (ringing) before the producer cancels"
                            + " it; an INVITE that has had a provisional response has no timer of its own"
                            + " (RFC 3261 17.1.1.2), so without this a callee that rings forever holds the"
                            + " exchange forever")
    private long ringTimeout = 60_000;
    @UriParam(label = "producer", defaultValue = "5000",
              description = "How long an outbound INVITE may go without any response, not even 100 Trying, before"
                            + " the leg fails with 408 (a callee that is down or unreachable); like Kamailio's"
                            + " fr_timer, far shorter than the transaction's own 32 s Timer B")
    private long provisionalTimeout = 5_000;

    @UriParam(label = "advanced", defaultValue = "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer",
              description = "The JAIN-SIP timer implementation; the scheduled-executor timer sustains about 25%"
                            + " more calls per second than JAIN-SIP's default java.util.Timer one")
    private String timerClass = "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer";
    @UriParam(label = "advanced", defaultValue = "8",
              description = "Threads that process received UDP messages (JAIN-SIP THREAD_POOL_SIZE)")
    private int threadPoolSize = 8;
    @UriParam(label = "advanced", defaultValue = "true",
              description = "Whether JAIN-SIP may call the listener from several threads at once")
    private boolean reentrantListener = true;
    @UriParam(label = "advanced", defaultValue = "16384",
              description = "The largest SIP message accepted, in bytes; also the receive buffer each UDP"
                            + " datagram gets, so keep it near real message sizes")
    private int maxMessageSize = 16384;
    @UriParam(label = "advanced", defaultValue = "1048576",
              description = "The UDP socket receive buffer, in bytes (the kernel may cap it)")
    private int receiveUdpBufferSize = 1024 * 1024;
    @UriParam(label = "advanced", defaultValue = "1048576",
              description = "The UDP socket send buffer, in bytes (the kernel may cap it)")
    private int sendUdpBufferSize = 1024 * 1024;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getTransports() {
        return transports;
    }

    public void setTransports(String transports) {
        this.transports = transports;
    }

    public long getRouteTimeout() {
        return routeTimeout;
    }

    public void setRouteTimeout(long routeTimeout) {
        this.routeTimeout = routeTimeout;
    }

    public int getRouteTimeoutCode() {
        return routeTimeoutCode;
    }

    public void setRouteTimeoutCode(int routeTimeoutCode) {
        this.routeTimeoutCode = routeTimeoutCode;
    }

    public long getHandoverTimeout() {
        return handoverTimeout;
    }

    public void setHandoverTimeout(long handoverTimeout) {
        this.handoverTimeout = handoverTimeout;
    }

    /** How long a stack with no user left stays up: its calls in flight and its waiting INVITEs end first. */
    long lingerMillis() {
        return Math.max(handoverTimeout, routeTimeout);
    }

    public String getAcceptedContentTypes() {
        return acceptedContentTypes;
    }

    public void setAcceptedContentTypes(String acceptedContentTypes) {
        this.acceptedContentTypes = acceptedContentTypes;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getFromUri() {
        return fromUri;
    }

    public void setFromUri(String fromUri) {
        this.fromUri = fromUri;
    }

    public long getProvisionalTimeout() {
        return provisionalTimeout;
    }

    public void setProvisionalTimeout(long provisionalTimeout) {
        this.provisionalTimeout = provisionalTimeout;
    }

    public long getRingTimeout() {
        return ringTimeout;
    }

    public void setRingTimeout(long ringTimeout) {
        this.ringTimeout = ringTimeout;
    }

    public String getTimerClass() {
        return timerClass;
    }

    public void setTimerClass(String timerClass) {
        this.timerClass = timerClass;
    }

    public int getThreadPoolSize() {
        return threadPoolSize;
    }

    public void setThreadPoolSize(int threadPoolSize) {
        this.threadPoolSize = threadPoolSize;
    }

    public boolean isReentrantListener() {
        return reentrantListener;
    }

    public void setReentrantListener(boolean reentrantListener) {
        this.reentrantListener = reentrantListener;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public int getReceiveUdpBufferSize() {
        return receiveUdpBufferSize;
    }

    public void setReceiveUdpBufferSize(int receiveUdpBufferSize) {
        this.receiveUdpBufferSize = receiveUdpBufferSize;
    }

    public int getSendUdpBufferSize() {
        return sendUdpBufferSize;
    }

    public void setSendUdpBufferSize(int sendUdpBufferSize) {
        this.sendUdpBufferSize = sendUdpBufferSize;
    }

    /** The address key endpoints share a stack by. */
    public String address() {
        return host + ":" + port;
    }

    public SipConfiguration copy() {
        try {
            return (SipConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
