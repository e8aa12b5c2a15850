package org.psip.routes;

import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.psip.api.Admission;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;
import org.psip.api.Region;
import org.psip.api.SipDomain;
import org.psip.api.VirtualNumber;
import org.psip.sip.SipConstants;

/**
 * Step {@code identifyCallee}: who is called, from the Request-URI. A SIP domain
 * ({@code acme.sip-eu.<base>}), a virtual number through SIP Connect
 * ({@code 14155550100@sip.<base>}), or the default domain for any other host.
 * Unknown ones get 404. Sets the callee, its admission, its application, the
 * region and the call's uuids.
 */
public class IdentifyCalleeStep implements Processor {

    @Override
    public void process(Exchange exchange) {
        DomainDirectory directory = Plugins.require(exchange, DomainDirectory.class);
        if (directory == null) {
            return;
        }
        Message message = exchange.getMessage();
        String host = message.getHeader(SipConstants.REQUEST_URI_HOST, String.class);
        GatewaySettings settings;
        try {
            settings = directory.settings();
        } catch (IllegalStateException misconfigured) {
            // the node's settings do not fit the directory (psip.home-region): callers should try another node
            Rejection.reject(exchange, 503, misconfigured.getMessage(), Map.of("Retry-After", "30"));
            return;
        }
        CalleeAddress callee = CalleeAddress.of(host == null ? "" : host, settings.baseHost());
        boolean identified = switch (callee.kind()) {
            case DOMAIN -> domain(exchange, directory.domain(callee.domain()), "no such domain " + callee.domain());
            case SIP_CONNECT -> number(exchange, directory, message.getHeader(SipConstants.REQUEST_URI_USER,
                    String.class));
            case OTHER -> domain(exchange, directory.defaultDomain(), "no such domain " + host);
        };
        if (identified && region(exchange, settings, callee.regionLabel())) {
            message.setHeader(PsipHeaders.CALL_UUID, CallIds.newUuid());
            message.setHeader(PsipHeaders.CONVERSATION_UUID, "CON-" + CallIds.newUuid());
        }
    }

    private static boolean domain(Exchange exchange, Optional<SipDomain> found, String notFound) {
        if (found.isEmpty()) {
            Rejection.reject(exchange, 404, notFound);
            return false;
        }
        SipDomain domain = found.get();
        set(exchange, "domain", domain.name(), domain.admission(), domain.application());
        return true;
    }

    private static boolean number(Exchange exchange, DomainDirectory directory, String user) {
        String digits = user == null ? "" : user.startsWith("+") ? user.substring(1) : user;
        Optional<VirtualNumber> number = directory.number(digits);
        if (number.isEmpty()) {
            Rejection.reject(exchange, 404, "no such number " + digits);
            return false;
        }
        Optional<Admission> account = directory.account(number.get().account());
        if (account.isEmpty()) {
            Rejection.reject(exchange, 404, "no account for number " + digits);
            return false;
        }
        set(exchange, "number", number.get().account(), account.get(), number.get().application());
        exchange.getMessage().setHeader(PsipHeaders.NUMBER, digits);
        return true;
    }

    private static void set(Exchange exchange, String kind, String name, Admission admission, String application) {
        Message message = exchange.getMessage();
        message.setHeader(PsipHeaders.CALLEE_KIND, kind);
        message.setHeader(PsipHeaders.DOMAIN, name);
        message.setHeader(PsipHeaders.ADMISSION, admission);
        message.setHeader(PsipHeaders.APPLICATION_ID, application);
    }

    /** The region the host names; its gateway when it is another node's region. */
    private static boolean region(Exchange exchange, GatewaySettings settings, String label) {
        if (label == null || label.equals(CalleeAddress.HOME_LABEL)) {
            exchange.getMessage().setHeader(PsipHeaders.REGION, settings.homeRegion());
            return true;
        }
        Optional<Region> region = settings.regionByLabel(label);
        if (region.isEmpty()) {
            Rejection.reject(exchange, 404, "no such region " + label);
            return false;
        }
        exchange.getMessage().setHeader(PsipHeaders.REGION, region.get().name());
        if (!region.get().name().equalsIgnoreCase(settings.homeRegion())) {
            if (region.get().gateway() == null) {
                Rejection.reject(exchange, 503, "no gateway for region " + region.get().name());
                return false;
            }
            exchange.getMessage().setHeader(PsipHeaders.REGION_GATEWAY, region.get().gateway());
        }
        return true;
    }
}
