package org.psip.app.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a customer's application: it answers each path
 * as told (status, body, delay) and records every request it gets.
 */
public final class WebhookServer implements AutoCloseable {

    /**
     * One request as the application saw it.
     *
     * @param arrival its place among all the requests the server got, from 1: which came first
     */
    public record Request(String method, String path, Map<String, String> query, String body,
                          Map<String, String> headers, long arrival) {
    }

    private record Answer(int status, String body, Duration delay) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<Request>> requests = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final AtomicLong arrivals = new AtomicLong();

    public WebhookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public WebhookServer answer(String path, int status, String body) {
        return answer(path, status, body, Duration.ZERO);
    }

    public WebhookServer answer(String path, int status, String body, Duration delay) {
        answers.put(path, new Answer(status, body, delay));
        return this;
    }

    /**
     * From now on the path's requests are answered only once the returned latch is
     * counted down (or after 10 s): an application that is still thinking.
     */
    public CountDownLatch hold(String path) {
        CountDownLatch release = new CountDownLatch(1);
        holds.put(path, release);
        return release;
    }

    /** Every held request is answered, and none is held any more. */
    public void releaseAll() {
        holds.values().forEach(CountDownLatch::countDown);
        holds.clear();
    }

    /** The next request to the path, waiting up to the timeout; null if none came. */
    public Request next(String path, Duration timeout) throws InterruptedException {
        return queue(path).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many requests the server got so far: a later request's arrival is higher. */
    public long arrivals() {
        return arrivals.get();
    }

    public int count(String path) {
        return queue(path).size();
    }

    public void clear() {
        requests.clear();
    }

    private BlockingQueue<Request> queue(String path) {
        return requests.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        queue(path).add(new Request(exchange.getRequestMethod(), path,
                decode(exchange.getRequestURI().getRawQuery()), body, headers, arrivals.incrementAndGet()));
        Answer answer = answers.getOrDefault(path, new Answer(404, "", Duration.ZERO));
        awaitRelease(holds.get(path));
        if (!answer.delay().isZero()) {
            try {
                // a slow application: the delay is the behaviour under test, not a wait for an event
                TimeUnit.MILLISECONDS.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the gateway gave up waiting (read timeout): nothing to tell it
        }
    }

    private static void awaitRelease(CountDownLatch hold) {
        if (hold == null) {
            return;
        }
        try {
            hold.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
