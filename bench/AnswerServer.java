import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The application of the call-flow benchmark: answers every answer_url request with
 * the same NCCO, as fast as it can. Run with {@code java bench/AnswerServer.java PORT}.
 */
public class AnswerServer {

    private static final byte[] NCCO = "[{\"action\":\"talk\",\"text\":\"Welcome to psip\"}]"
            .getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
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
                exchange.sendResponseHeaders(200, NCCO.length);
                out.write(NCCO);
            }
        });
        server.start();
        System.out.println("answer server listening on 127.0.0.1:" + port);
    }
}
