package org.psip.routes;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.psip.api.Admission;
import org.psip.api.Authenticator;
import org.psip.sip.SipConstants;

/**
 * Step {@code authenticate}: when the callee requires digest, the caller proves who
 * it is. 401 with a challenge, 403 for wrong credentials, 503 with Retry-After for a
 * throttled source; on success the user is in {@link PsipHeaders#AUTHENTICATED_USER}.
 */
public class AuthenticationStep implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Admission admission = message.getHeader(PsipHeaders.ADMISSION, Admission.class);
        if (!admission.digestRequired()) {
            return;
        }
        Authenticator authenticator = Plugins.require(exchange, Authenticator.class, admission,
                Admission.AUTHENTICATOR);
        if (authenticator == null) {
            return;
        }
        Authenticator.Result result = authenticator.authenticate(new Authenticator.Request(
                message.getHeader(SipConstants.METHOD, String.class),
                message.getHeader(SipConstants.REQUEST_URI, String.class),
                AccessControlStep.source(exchange),
                authorization(message),
                admission));
        if (result instanceof Authenticator.Accepted accepted) {
            message.setHeader(PsipHeaders.AUTHENTICATED_USER, accepted.username());
        } else if (result instanceof Authenticator.Challenge challenge) {
            Rejection.reject(exchange, 401, challenge.reason(), Map.of("WWW-Authenticate",
                    challenge.wwwAuthenticate()));
        } else if (result instanceof Authenticator.Rejected rejected) {
            Rejection.reject(exchange, rejected.statusCode(), rejected.reason(), rejected.retryAfter() == null
                    ? null : Map.of("Retry-After", Long.toString(Math.max(1, rejected.retryAfter().toSeconds()))));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> authorization(Message message) {
        Map<String, List<String>> headers = message.getHeader(SipConstants.HEADERS, Map.class);
        List<String> values = headers == null ? null : headers.get("Authorization");
        return values == null ? List.of() : values;
    }
}
