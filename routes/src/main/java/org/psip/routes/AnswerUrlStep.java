package org.psip.routes;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.psip.api.Application;
import org.psip.api.DomainDirectory;
import org.psip.api.HttpMethod;
import org.psip.api.Region;

/**
 * Step {@code answerUrl}: asks the application what to do with the call. GET with
 * query parameters or POST with a JSON body, through camel-http with one pooled,
 * keep-alive endpoint per application and its own timeouts. When answer_url is
 * refused, times out or answers 429/5xx, fallback_answer_url is asked (with
 * {@code reason} and {@code original_request}); when that fails too, 480. An
 * application with an inline NCCO is answered from it, with no HTTP.
 *
 * <p>The body becomes the NCCO text. The HTTP call blocks, so the route runs this
 * step off the SIP threads (a {@code threads} step before it).
 */
public class AnswerUrlStep implements Processor {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private volatile ProducerTemplate template;

    @Override
    public void process(Exchange exchange) throws Exception {
        DomainDirectory directory = Plugins.require(exchange, DomainDirectory.class);
        if (directory == null) {
            return;
        }
        Message message = exchange.getMessage();
        String applicationId = message.getHeader(PsipHeaders.APPLICATION_ID, String.class);
        Application application = directory.application(applicationId).orElse(null);
        if (application == null) {
            Rejection.reject(exchange, 500, "application " + applicationId + " is not defined");
            return;
        }
        if (application.answerUrl() == null) {
            answered(message, application.ncco(), "inline");
            return;
        }
        String regionUrl = directory.settings().region(message.getHeader(PsipHeaders.REGION, String.class))
                .map(Region::gateway).orElse(null);
        Map<String, String> parameters = AnswerRequest.parameters(message, regionUrl);
        WebhookOutcome first = ask(exchange.getContext(), application, application.answerUrl(), parameters);
        if (first.answered()) {
            answered(message, first.body(), "answer_url");
            return;
        }
        String failure = "answer_url " + first.failure();
        if (first.worthFallback() && application.fallbackAnswerUrl() != null) {
            Map<String, String> fallbackParameters = new LinkedHashMap<>(parameters);
            fallbackParameters.put("reason", first.failure());
            fallbackParameters.put("original_request", application.answerUrl());
            WebhookOutcome second = ask(exchange.getContext(), application, application.fallbackAnswerUrl(),
                    fallbackParameters);
            if (second.answered()) {
                answered(message, second.body(), "fallback_answer_url");
                return;
            }
            failure += "; fallback_answer_url " + second.failure();
        }
        Rejection.reject(exchange, 480, failure);
    }

    private static void answered(Message message, String ncco, String source) {
        message.setBody(ncco);
        message.setHeader(PsipHeaders.NCCO_SOURCE, source);
    }

    private WebhookOutcome ask(CamelContext context, Application application, String url,
                               Map<String, String> parameters) throws JsonProcessingException {
        URI target = URI.create(url);
        String body = application.answerMethod() == HttpMethod.POST ? json.writeValueAsString(parameters) : null;
        String query = body != null ? target.getRawQuery() : join(target.getRawQuery(),
                FormEncoding.encode(parameters));
        Exchange reply = template(context).send(endpoint(context, application, target), request -> {
            Message out = request.getIn();
            if (query != null) {
                out.setHeader(Exchange.HTTP_QUERY, query);
            }
            if (body != null) {
                out.setHeader(Exchange.CONTENT_TYPE, "application/json");
                out.setBody(body);
            }
        });
        if (reply.getException() != null) {
            return WebhookOutcome.failed(describe(reply.getException(), application), true);
        }
        int status = reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 200 && status < 300) {
            return WebhookOutcome.answered(reply.getMessage().getBody(String.class));
        }
        return WebhookOutcome.failed("answered HTTP " + status, status == 429 || status >= 500);
    }

    /** One endpoint per application and URL: its connection pool and timeouts are its own. */
    private Endpoint endpoint(CamelContext context, Application application, URI target) {
        String base = target.getScheme() + "://" + target.getRawAuthority()
                + (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath());
        // the method is the endpoint's, not a header: camel-http would convert a header's text
        // to its HttpMethods enum on every request through a type-converter search
        String uri = base + "?httpMethod=" + application.answerMethod().name()
                + "&throwExceptionOnFailure=false"
                + "&connectTimeout=" + application.connectTimeout().toMillis()
                + "&responseTimeout=" + application.readTimeout().toMillis()
                + "&connectionRequestTimeout=" + application.connectTimeout().toMillis();
        return endpoints.computeIfAbsent(uri, context::getEndpoint);
    }

    private ProducerTemplate template(CamelContext context) {
        ProducerTemplate current = template;
        if (current == null) {
            synchronized (this) {
                current = template;
                if (current == null) {
                    current = context.createProducerTemplate();
                    template = current;
                }
            }
        }
        return current;
    }

    private static String join(String first, String second) {
        return first == null || first.isEmpty() ? second : first + "&" + second;
    }

    static String describe(Exception failure, Application application) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return "timed out (connect " + application.connectTimeout().toMillis() + " ms, read "
                        + application.readTimeout().toMillis() + " ms)";
            }
            if (cause instanceof ConnectException) {
                return "refused the connection";
            }
            if (cause instanceof UnknownHostException) {
                return "has an unknown host";
            }
        }
        return "failed: " + failure.getClass().getSimpleName();
    }

    /** What one webhook request gave: an NCCO, or why not and whether the fallback should be asked. */
    record WebhookOutcome(boolean answered, String body, String failure, boolean worthFallback) {

        static WebhookOutcome answered(String body) {
            return new WebhookOutcome(true, body, null, false);
        }

        static WebhookOutcome failed(String failure, boolean worthFallback) {
            return new WebhookOutcome(false, null, failure, worthFallback);
        }
    }
}
