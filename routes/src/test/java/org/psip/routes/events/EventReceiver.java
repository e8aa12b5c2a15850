package org.psip.routes.events;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for an application's event_url: it records every
 * request and answers each with the status its responder picks, which may first wait
 * (a slow application) on whatever the test decides.
 */
final class EventReceiver implements AutoCloseable {

    /** One request as the application saw it: the fields from the JSON body or the query. */
    record Received(String method, String path, Map<String, Object> fields, String contentType) {

        Object field(String name) {
            return fields.get(name);
        }
    }

    /** Picks the answer to a request; may block, as a slow application does. */
    interface Responder {
        int status(Received request) throws InterruptedException;
    }

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile Responder responder = request -> 200;
    private volatile byte[] answerBody = new byte[0];

    private EventReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static EventReceiver start() throws IOException {
        return new EventReceiver(0);
    }

    /** A receiver on this port: an event_url that was down comes back. */
    static EventReceiver startOn(int port) throws IOException {
        return new EventReceiver(port);
    }

    /** A port where nothing listens (yet). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String url(String path) {
        return url(server.getAddress().getPort(), path);
    }

    EventReceiver respond(Responder responder) {
        this.responder = responder;
        return this;
    }

    /** Every answer carries this body from now on (none by default). */
    EventReceiver answerBody(String body) {
        this.answerBody = body.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The next request, waiting up to the timeout; null when none came. */
    Received next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next request if one has come already. */
    Received nextIfAny() {
        return received.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> fields = body.isEmpty() ? query(exchange.getRequestURI().getRawQuery())
                : json.readValue(body, JSON_OBJECT);
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), fields,
                exchange.getRequestHeaders().getFirst("Content-Type"));
        received.add(request);
        int status;
        try {
            status = responder.status(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 500;
        }
        byte[] answer = answerBody;
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (var out = exchange.getResponseBody()) {
                out.write(answer);
            } catch (IOException e) {
                // the sender stopped reading (an answer too long for it): nothing to tell it
            }
        }
        exchange.close();
    }

    private static Map<String, Object> query(String rawQuery) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
