import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The application of the call-flow benchmark: answers every answer_url request with
 * the same NCCO, a connect to the benchmark's callee, as fast as it can. Run with
 * {@code java bench/AnswerServer.java PORT CALLEE_PORT}.
 */
public class AnswerServer {

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
        server.start();
        System.out.println("answer server listening on 127.0.0.1:" + port);
    }
}
