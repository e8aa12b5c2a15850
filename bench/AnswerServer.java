import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * The application of the call-flow benchmark: answers every answer_url request with
 * the same NCCO, a connect to the benchmark's callee, as fast as it can. Run with
 * {@code java bench/AnswerServer.java PORT CALLEE_PORT [AUTH_DELAY_MS]}.
 *
 * <p>It is the authentication service of {@code --auth-webhook} too: {@code /sip-auth}
 * says {@code {"status":"ok"}} to every digest response, AUTH_DELAY_MS after the request.
 * The delay is a timer, not a sleeping thread, so any number of requests wait at once.
 */
public class AnswerServer {

    private static final byte[] AUTH_OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        byte[] ncco = ("[{\"action\":\"connect\",\"endpoint\":[{\"type\":\"sip\","
                + "\"uri\":\"sip:callee@127.0.0.1:" + Integer.parseInt(args[1]) + "\"}]}]")
                .getBytes(StandardCharsets.UTF_8);
        // without TCP_NODELAY the JDK server's separate header and body writes meet the
        // client's delayed ACK: every response would wait about 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                in.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ncco.length);
                out.write(ncco);
            }
        });
        long authDelay = args.length > 2 ? Long.parseLong(args[2]) : 0;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        server.createContext("/sip-auth", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            // answered from the timer's thread: the JDK server keeps the exchange open until then
            timer.schedule(() -> {
                try (OutputStream out = exchange.getResponseBody()) {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, AUTH_OK.length);
                    out.write(AUTH_OK);
                } catch (IOException e) {
                    // the gateway gave up waiting: nothing to tell it
                }
            }, authDelay, TimeUnit.MILLISECONDS);
        });
        server.start();
        System.out.println("answer server listening on 127.0.0.1:" + port);
    }
}
