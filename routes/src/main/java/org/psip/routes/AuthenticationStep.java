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
 * gets the caller 500 with a Reason and a log line saying what failed, unless it was
 * replaced meanwhile: then its replacement is asked.
 */
public class AuthenticationStep extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationStep.class);

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Admission admission = exchange.getMessage().getHeader(PsipHeaders.ADMISSION, Admission.class);
        if (!admission.digestRequired()) {
            callback.done(true);
            return true;
        }
        return attempt(exchange, admission, callback, true, false);
    }

    /**
     * Asks the plugin in effect; returns whether the callback was called in this thread.
     *
     * @param retried whether a plugin replaced under this call failed it already
     */
    private static boolean attempt(Exchange exchange, Admission admission, AsyncCallback callback, boolean sync,
                                   boolean retried) {
        Authenticator authenticator = Plugins.require(exchange, Authenticator.class, admission,
                Admission.AUTHENTICATOR);
        if (authenticator == null) {
            callback.done(sync);
            return sync;
        }
        CompletableFuture<Authenticator.Result> pending;
        try {
            pending = authenticator.authenticateAsync(request(exchange, admission)).toCompletableFuture();
        } catch (RuntimeException | LinkageError e) {
            pending = CompletableFuture.failedFuture(e);
        }
        if (pending.isDone()) {
            return finish(exchange, admission, authenticator, pending, callback, sync, retried);
        }
        CompletableFuture<Authenticator.Result> answer = pending;
        answer.whenComplete((result, failure) ->
                finish(exchange, admission, authenticator, answer, callback, false, retried));
        return false;
    }

    /**
     * Applies the plugin's answer. A plugin that failed the call after it was replaced (a bundle
     * updated or removed while its answer was on the way, its classes gone with it) does not fail
     * the call: the plugin in effect now is asked once more, as any digest plugin accepts the
     * nonces of any other.
     */
    private static boolean finish(Exchange exchange, Admission admission, Authenticator asked,
                                  CompletableFuture<Authenticator.Result> outcome, AsyncCallback callback,
                                  boolean sync, boolean retried) {
        Throwable failure;
        try {
            apply(exchange, outcome.join());
            failure = null;
        } catch (CompletionException e) {
            failure = e.getCause() == null ? e : e.getCause();
        } catch (RuntimeException | LinkageError e) {
            failure = e;
        }
        if (failure != null && !retried && replaced(exchange, admission, asked)) {
            LOG.info("INVITE {} (Call-ID {}): the authenticator was replaced while it checked the call ({}); "
                    + "asking the one in effect now", exchange.getMessage().getHeader(SipConstants.REQUEST_URI),
                    exchange.getMessage().getHeader(SipConstants.CALL_ID), failure.toString());
            return attempt(exchange, admission, callback, sync, true);
        }
        if (failure != null) {
            failed(exchange, failure);
        }
        callback.done(sync);
        return sync;
    }

    private static boolean replaced(Exchange exchange, Admission admission, Authenticator asked) {
        try {
            Authenticator now = Plugins.find(exchange, Authenticator.class,
                    admission.pluginTarget(Admission.AUTHENTICATOR));
            return now != null && now != asked;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Authenticator.Request request(Exchange exchange, Admission admission) {
        Message message = exchange.getMessage();
        return new Authenticator.Request(
                message.getHeader(SipConstants.METHOD, String.class),
                message.getHeader(SipConstants.REQUEST_URI, String.class),
                AccessControlStep.source(exchange),
                authorization(message),
                admission);
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
