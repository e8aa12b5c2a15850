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
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
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
 * query; and an NCCO notify's payload, the same way, reading the answer. Apache
 * HttpClient 5's async client does it (already here for camel-http), in its minimal
 * form (no redirects, cookies or authentication: an event needs none): no
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

    /**
     * Connections beyond the events' own, for notify requests: events never have more
     * than maxConnections in flight, so a call waiting on a notify never waits for a
     * connection behind a backlog of events.
     */
    static final int NOTIFY_CONNECTIONS = 64;
    /** A notify answer is an NCCO, a few KB: a longer one is not read. */
    static final int MAX_NOTIFY_ANSWER = 256 * 1024;

    private final int maxConnections;
    private final Executor refusals;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Duration, CloseableHttpAsyncClient> clients = new ConcurrentHashMap<>();
    private final Map<Duration, RequestConfig> requestConfigs = new ConcurrentHashMap<>();
    private volatile boolean closed;

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
            Map<String, Object> fields = CallEventFields.of(event.event());
            request = request(event.target(), fields, fields);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            Outcome refused = new Outcome(Outcome.Kind.REFUSED, "cannot be sent: " + e.getMessage());
            return CompletableFuture.supplyAsync(() -> refused, refusals);
        }
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        execute(request, event.target(), new BasicResponseConsumer<>(new DiscardingEntityConsumer<Void>()),
                new FutureCallback<>() {
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

    /**
     * Sends an NCCO notify once (the call is waiting: no retry) and completes with the
     * application's answer, on the client's I/O thread; never exceptionally.
     */
    CompletableFuture<NotifyAnswer> sendNotify(NotifyRequest notify) {
        SimpleHttpRequest request;
        try {
            request = request(notify.target(), notify.queryFields(), notify.payload());
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return CompletableFuture.completedFuture(NotifyAnswer.failed("cannot be sent: " + e.getMessage()));
        }
        CompletableFuture<NotifyAnswer> answer = new CompletableFuture<>();
        execute(request, notify.target(), new BasicResponseConsumer<>(new BoundedBodyConsumer(MAX_NOTIFY_ANSWER)),
                new FutureCallback<>() {
                    @Override
                    public void completed(Message<HttpResponse, String> response) {
                        int status = response.getHead().getCode();
                        answer.complete(status >= 200 && status < 300 ? NotifyAnswer.answered(response.getBody())
                                : NotifyAnswer.failed("answered HTTP " + status));
                    }

                    @Override
                    public void failed(Exception failure) {
                        answer.complete(NotifyAnswer.failed(describe(failure)));
                    }

                    @Override
                    public void cancelled() {
                        answer.complete(NotifyAnswer.failed("cancelled (psip is stopping)"));
                    }
                });
        return answer;
    }

    /** Runs the request on the client for its connect timeout; a closed sender cancels it. */
    private <T> void execute(SimpleHttpRequest request, EventTarget target, AsyncResponseConsumer<T> consumer,
                             FutureCallback<T> callback) {
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfigs.computeIfAbsent(target.readTimeout(),
                timeout -> RequestConfig.custom().setResponseTimeout(Timeout.of(timeout))
                        .setConnectionRequestTimeout(Timeout.of(timeout)).build()));
        CloseableHttpAsyncClient client = client(target.connectTimeout());
        if (closed) {
            // close() ran meanwhile and may have missed this client
            client.close(CloseMode.IMMEDIATE);
            callback.cancelled();
            return;
        }
        client.execute(SimpleRequestProducer.create(request), consumer, context, callback);
    }

    /** POST with the JSON body, or GET with the query fields after the URL's own query. */
    private SimpleHttpRequest request(EventTarget target, Map<String, ?> queryFields, Object jsonBody)
            throws JsonProcessingException {
        SimpleRequestBuilder request;
        if (target.method() == HttpMethod.GET) {
            String separator = target.url().indexOf('?') < 0 ? "?" : "&";
            request = SimpleRequestBuilder.get(URI.create(target.url() + separator + FormEncoding.encode(queryFields)));
        } else {
            request = SimpleRequestBuilder.post(URI.create(target.url()))
                    .setBody(json.writeValueAsBytes(jsonBody), ContentType.APPLICATION_JSON);
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
            int connections = maxConnections + NOTIFY_CONNECTIONS;
            CloseableHttpAsyncClient client = HttpAsyncClients.createMinimal(H2Config.DEFAULT, Http1Config.DEFAULT,
                    IOReactorConfig.custom().setIoThreadCount(1).build(),
                    PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(connections)
                            .setMaxConnPerRoute(connections)
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
        closed = true;
        clients.values().forEach(client -> client.close(CloseMode.IMMEDIATE));
        clients.clear();
    }
}
