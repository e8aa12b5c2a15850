package org.psip.sip;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code sip:host:port} component: INVITE dialogs on JAIN-SIP.
 *
 * <p>Endpoints on the same address share one SIP stack, so a route's producer sends
 * its outbound legs from the address its consumer listens on, as a B2BUA must.
 */
@org.apache.camel.spi.annotations.Component("sip")
public class SipComponent extends DefaultComponent {

    private final Map<String, Shared> services = new HashMap<>();
    private ScheduledExecutorService lingerTimer;

    private static final class Shared {
        final SipService service;
        int users;
        /** The longest linger any endpoint of the address asked for. */
        long lingerMillis;
        ScheduledFuture<?> lingering;

        Shared(SipService service) {
            this.service = service;
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        SipConfiguration configuration = new SipConfiguration();
        parseAddress(remaining, configuration);
        setProperties(configuration, parameters);
        if (SipService.parseList(configuration.getTransports()).isEmpty()
                || !SipService.parseList("udp,tcp").containsAll(SipService.parseList(configuration.getTransports()))) {
            throw new IllegalArgumentException("transports must be udp, tcp or both, not '"
                    + configuration.getTransports() + "' in " + uri);
        }
        if (!Set.of("request", "respond", "bridge").contains(configuration.getOperation())) {
            throw new IllegalArgumentException("operation must be request, respond or bridge, not '"
                    + configuration.getOperation() + "' in " + uri);
        }
        return new SipEndpoint(uri, this, configuration);
    }

    /** host, host:port or [v6]:port. */
    static void parseAddress(String remaining, SipConfiguration configuration) {
        String address = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        if (address.isEmpty()) {
            throw new IllegalArgumentException("sip endpoint needs an address: sip:host:port");
        }
        int portSeparator = address.lastIndexOf(':');
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            configuration.setHost(address.substring(1, close));
            portSeparator = address.indexOf(':', close);
        } else if (address.indexOf(':') != portSeparator) {
            configuration.setHost(address); // a bare IPv6 address without a port
            return;
        } else {
            configuration.setHost(portSeparator < 0 ? address : address.substring(0, portSeparator));
        }
        if (portSeparator > 0) {
            configuration.setPort(Integer.parseInt(address.substring(portSeparator + 1)));
        }
    }

    /** The started stack of the endpoint's address; the first user starts it. */
    synchronized SipService acquire(SipConfiguration configuration) throws Exception {
        Shared shared = services.get(configuration.address());
        if (shared == null) {
            SipService service = new SipService(configuration);
            service.start();
            shared = new Shared(service);
            services.put(configuration.address(), shared);
        }
        if (shared.lingering != null) {
            shared.lingering.cancel(false);
            shared.lingering = null;
        }
        shared.users++;
        shared.lingerMillis = Math.max(shared.lingerMillis, configuration.lingerMillis());
        return shared.service;
    }

    /** The running stack on host:port, or null: for its counters (calls, dialogs, bridges). */
    public synchronized SipService service(String host, int port) {
        Shared shared = services.get(SipService.hostPort(host, port));
        return shared == null ? null : shared.service;
    }

    /**
     * The last user of an address stops its stack, but not at once while Camel runs: a
     * route being reloaded or replaced releases the stack before its successor acquires
     * it, and the calls in flight on the old route still need it. So the stack lingers
     * (handoverTimeout or routeTimeout, the longest of its endpoints') and stops only if
     * nobody took it back.
     */
    synchronized void release(SipService service) {
        String address = service.configuration().address();
        Shared shared = services.get(address);
        if (shared == null || shared.service != service || --shared.users > 0) {
            return;
        }
        if (lingerTimer == null || !isRunAllowed()) {
            services.remove(address);
            service.stop();
            return;
        }
        shared.lingering = lingerTimer.schedule(() -> stopUnused(address, shared),
                shared.lingerMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void stopUnused(String address, Shared shared) {
        if (shared.users == 0 && services.get(address) == shared) {
            services.remove(address);
            shared.service.stop();
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        lingerTimer = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "sip-linger");
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (lingerTimer != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(lingerTimer);
            lingerTimer = null;
        }
        for (Shared shared : services.values()) {
            shared.service.stop();
        }
        services.clear();
        super.doStop();
    }
}
