package org.psip.routes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.psip.api.Admission;
import org.psip.api.Authenticator;
import org.psip.sip.SipConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step {@code authenticate}: when the callee requires digest, the caller proves who
 * it is. 401 with a challenge, 403 for wrong credentials, 503 with Retry-After for a
 * throttled source; on success the user is in {@link PsipHeaders#AUTHENTICATED_USER}.
 *
 * <p>It runs on a SIP stack thread, which every call on the node shares, so it waits for
 * nothing: it calls {@link Authenticator#authenticateAsync} and the call goes on when that
 * stage completes, in the thread that completes it (an authentication service's answer
 * holds no SIP thread). A plugin that throws, or whose stage completes exceptionally,
 * gets the caller 500 with a Reason and a log line saying what failed.
 */
public class AuthenticationStep extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationStep.class);

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Authenticator.Result> pending;
        try {
            pending = authenticate(exchange);
        } catch (RuntimeException e) {
            failed(exchange, e);
            callback.done(true);
            return true;
        }
        if (pending == null || pending.isDone()) {
            finish(exchange, pending, callback, true);
            return true;
        }
        pending.whenComplete((result, failure) -> finish(exchange, pending, callback, false));
        return false;
    }

    /** The plugin's answer on its way, or null when the call needs none (or was refused for want of a plugin). */
    private static CompletableFuture<Authenticator.Result> authenticate(Exchange exchange) {
        Message message = exchange.getMessage();
        Admission admission = message.getHeader(PsipHeaders.ADMISSION, Admission.class);
        if (!admission.digestRequired()) {
            return null;
        }
        Authenticator authenticator = Plugins.require(exchange, Authenticator.class, admission,
                Admission.AUTHENTICATOR);
        if (authenticator == null) {
            return null;
        }
        return authenticator.authenticateAsync(new Authenticator.Request(
                message.getHeader(SipConstants.METHOD, String.class),
                message.getHeader(SipConstants.REQUEST_URI, String.class),
                AccessControlStep.source(exchange),
                authorization(message),
                admission)).toCompletableFuture();
    }

    private static void finish(Exchange exchange, CompletableFuture<Authenticator.Result> outcome,
                               AsyncCallback callback, boolean doneSync) {
        try {
            if (outcome != null) {
                apply(exchange, outcome.join());
            }
        } catch (CompletionException e) {
            failed(exchange, e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            failed(exchange, e);
        } finally {
            callback.done(doneSync);
        }
    }

    private static void apply(Exchange exchange, Authenticator.Result result) {
        if (result instanceof Authenticator.Accepted accepted) {
            exchange.getMessage().setHeader(PsipHeaders.AUTHENTICATED_USER, accepted.username());
        } else if (result instanceof Authenticator.Challenge challenge) {
            Rejection.reject(exchange, 401, challenge.reason(), Map.of("WWW-Authenticate",
                    challenge.wwwAuthenticate()));
        } else if (result instanceof Authenticator.Rejected rejected) {
            Rejection.reject(exchange, rejected.statusCode(), rejected.reason(), rejected.retryAfter() == null
                    ? null : Map.of("Retry-After", Long.toString(Math.max(1, rejected.retryAfter().toSeconds()))));
        } else {
            throw new IllegalStateException("the authenticator gave no result");
        }
    }

    private static void failed(Exchange exchange, Throwable failure) {
        LOG.warn("INVITE {} (Call-ID {}): the authenticator failed; answering 500",
                exchange.getMessage().getHeader(SipConstants.REQUEST_URI),
                exchange.getMessage().getHeader(SipConstants.CALL_ID), failure);
        Rejection.reject(exchange, 500, "authentication failed (" + failure.getClass().getSimpleName() + ")");
    }

    @SuppressWarnings("unchecked")
    private static List<String> authorization(Message message) {
        Map<String, List<String>> headers = message.getHeader(SipConstants.HEADERS, Map.class);
        List<String> values = headers == null ? null : headers.get("Authorization");
        return values == null ? List.of() : values;
    }
}
