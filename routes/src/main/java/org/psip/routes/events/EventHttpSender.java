package org.psip.routes.events;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import org.psip.api.HttpMethod;
import org.psip.routes.FormEncoding;

/**
 * Sends one event to its event_url: POST with a JSON body, or GET with the fields as the
 * query. Apache HttpClient 5's async client does it (already here for camel-http), in
 * its minimal form (no redirects, cookies or authentication: an event needs none): no
 * thread waits for an answer, and the answer is handled on the client's one I/O thread.
 * (The JDK's HttpClient would do too, but on Java 17 it completes every answer on a new
 * thread when the common pool has one core to use.) One client per connect timeout,
 * since that timeout belongs to a connection; the read timeout is each request's.
 */
final class EventHttpSender implements AutoCloseable {

    /** How an attempt ended. */
    record Outcome(Kind kind, String description) {

        enum Kind { DELIVERED, RETRY, REFUSED }
    }

    private final int maxConnections;
    private final Executor refusals;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Duration, CloseableHttpAsyncClient> clients = new ConcurrentHashMap<>();
    private final Map<Duration, RequestConfig> requestConfigs = new ConcurrentHashMap<>();

    /**
     * @param maxConnections connections per client, no fewer than the requests in flight at once
     * @param refusals       completes the attempts that cannot even be sent (a bad URL), off the caller's thread
     */
    EventHttpSender(int maxConnections, Executor refusals) {
        this.maxConnections = maxConnections;
        this.refusals = refusals;
    }

    CompletableFuture<Outcome> send(PendingEvent event) {
        SimpleHttpRequest request;
        try {
            request = request(event.target(), CallEventFields.of(event.event()));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            Outcome refused = new Outcome(Outcome.Kind.REFUSED, "cannot be sent: " + e.getMessage());
            return CompletableFuture.supplyAsync(() -> refused, refusals);
        }
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfigs.computeIfAbsent(event.target().readTimeout(),
                timeout -> RequestConfig.custom().setResponseTimeout(Timeout.of(timeout))
                        .setConnectionRequestTimeout(Timeout.of(timeout)).build()));
        client(event.target().connectTimeout()).execute(SimpleRequestProducer.create(request),
                new BasicResponseConsumer<>(new DiscardingEntityConsumer<Void>()), context, new FutureCallback<>() {
                    @Override
                    public void completed(Message<HttpResponse, Void> response) {
                        outcome.complete(outcome(response.getHead().getCode()));
                    }

                    @Override
                    public void failed(Exception failure) {
                        outcome.complete(new Outcome(Outcome.Kind.RETRY, describe(failure)));
                    }

                    @Override
                    public void cancelled() {
                        outcome.complete(new Outcome(Outcome.Kind.RETRY, "cancelled"));
                    }
                });
        return outcome;
    }

    private SimpleHttpRequest request(EventTarget target, Map<String, Object> fields) throws JsonProcessingException {
        SimpleRequestBuilder request;
        if (target.method() == HttpMethod.GET) {
            String separator = target.url().indexOf('?') < 0 ? "?" : "&";
            request = SimpleRequestBuilder.get(URI.create(target.url() + separator + FormEncoding.encode(fields)));
        } else {
            request = SimpleRequestBuilder.post(URI.create(target.url()))
                    .setBody(json.writeValueAsBytes(fields), ContentType.APPLICATION_JSON);
        }
        return request.addHeader("User-Agent", "psip").build();
    }

    /** 2xx delivered; 408, 429 and 5xx are worth another try; any other answer will not change. */
    static Outcome outcome(int status) {
        String description = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return new Outcome(Outcome.Kind.DELIVERED, description);
        }
        boolean worthRetrying = status == 408 || status == 429 || status >= 500;
        return new Outcome(worthRetrying ? Outcome.Kind.RETRY : Outcome.Kind.REFUSED, description);
    }

    private static String describe(Exception failure) {
        if (failure instanceof ConnectException) {
            return "refused the connection";
        }
        if (failure.getClass().getSimpleName().contains("Timeout")) {
            return "timed out";
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private CloseableHttpAsyncClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> {
            CloseableHttpAsyncClient client = HttpAsyncClients.createMinimal(H2Config.DEFAULT, Http1Config.DEFAULT,
                    IOReactorConfig.custom().setIoThreadCount(1).build(),
                    PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(maxConnections)
                            .setMaxConnPerRoute(maxConnections)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.of(timeout)).build())
                            .build());
            client.start();
            return client;
        });
    }

    /** Ends the connections; requests still open end as cancelled. */
    @Override
    public void close() {
        clients.values().forEach(client -> client.close(CloseMode.IMMEDIATE));
        clients.clear();
    }
}
