package org.psip.sip.test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * Runs SIPp (Debian package sip-tester) as the reference SIP peer of a test.
 * Statistics come from SIPp's own CSV dump (-trace_stat), read at exit.
 */
public final class Sipp {

    private final List<String> args = new ArrayList<>();
    private final Path workDir;
    private String localAddress = "127.0.0.1";

    private Sipp(Path workDir, List<String> first) {
        this.workDir = workDir;
        args.add(System.getenv().getOrDefault("SIPP", "sipp"));
        args.addAll(first);
        args.addAll(List.of("-nostdin", "-trace_stat", "-stf", "stats.csv", "-fd", "1",
                "-trace_err", "-error_file", "errors.log"));
    }

    /**
     * A fresh directory for one SIPp run under the module's target/sipp (its logs stay there
     * for a failed test to be read, and go with mvn clean).
     */
    private static Path workDir(String kind) throws IOException {
        Path root = Files.createDirectories(Path.of(System.getProperty("psip.sipp.dir", "target/sipp")).toAbsolutePath());
        return Files.createTempDirectory(root, kind + "-");
    }

    /** SIPp's built-in caller scenario against host:port. */
    public static Sipp uac(String host, int port) throws IOException {
        return new Sipp(workDir("uac"), List.of("-sn", "uac", host + ":" + port));
    }

    /** SIPp's built-in answering scenario on a local port. */
    public static Sipp uas(int port) throws IOException {
        return new Sipp(workDir("uas"), List.of("-sn", "uas", "-p", Integer.toString(port)));
    }

    /** A scenario file from the test's class path against host:port. */
    public static Sipp scenario(String resource, String host, int port) throws IOException {
        Path dir = workDir("sf");
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        try (var in = Sipp.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no scenario " + resource + " on the class path");
            }
            Files.copy(in, file);
        }
        return new Sipp(dir, List.of("-sf", file.toString(), host + ":" + port));
    }

    /** A scenario given as text (e.g. built by the test) against host:port. */
    public static Sipp scenarioText(String xml, String host, int port) throws IOException {
        Path dir = workDir("sf");
        Path file = dir.resolve("scenario.xml");
        Files.writeString(file, xml, StandardCharsets.ISO_8859_1);
        return new Sipp(dir, List.of("-sf", file.toString(), host + ":" + port));
    }

    public Sipp option(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    /** Total calls to place (-m). */
    public Sipp calls(int calls) {
        return option("-m", Integer.toString(calls));
    }

    /** Calls per second (-r). */
    public Sipp rate(int callsPerSecond) {
        return option("-r", Integer.toString(callsPerSecond));
    }

    /** One TCP connection for all calls (-t t1). */
    public Sipp overTcp() {
        return option("-t", "t1");
    }

    /** The local port SIPp sends from (-p). */
    public Sipp localPort(int port) {
        return option("-p", Integer.toString(port));
    }

    /** The local address SIPp binds to (-i); 127.0.0.1 unless set. */
    public Sipp localAddress(String address) {
        localAddress = address;
        return this;
    }

    /** A -key keyword value for the scenario ([name] in its messages). */
    public Sipp key(String name, String value) {
        return option("-key", name, value);
    }

    public Process start() throws IOException {
        List<String> command = new ArrayList<>(args);
        command.addAll(List.of("-i", localAddress));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("output.log").toFile()).start();
    }

    /** Runs SIPp to its end; kills it past the timeout. */
    public Result run(Duration timeout) throws IOException, InterruptedException {
        return await(start(), timeout);
    }

    public Result await(Process process, Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        return new Result(exit, read("output.log"), read("errors.log"), lastStats());
    }

    private String read(String file) throws IOException {
        Path path = workDir.resolve(file);
        return Files.exists(path) ? Files.readString(path, StandardCharsets.ISO_8859_1) : "";
    }

    private Map<String, String> lastStats() throws IOException {
        Map<String, String> stats = new HashMap<>();
        try (var files = Files.list(workDir)) {
            Path csv = files.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
            if (csv == null) {
                return stats;
            }
            List<String> lines = Files.readAllLines(csv, StandardCharsets.ISO_8859_1);
            if (lines.size() < 2) {
                return stats;
            }
            String[] names = lines.get(0).split(";");
            String[] values = lines.get(lines.size() - 1).split(";");
            for (int i = 0; i < Math.min(names.length, values.length); i++) {
                stats.put(names[i].trim(), values[i].trim());
            }
        }
        return stats;
    }

    /** SIPp binds its UDP port a moment after it starts: waits until the port is taken. */
    public static void awaitBound(String host, int udpPort) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(udpPort, InetAddress.getByName(host))) {
                return false;
            } catch (SocketException taken) {
                return true;
            }
        });
    }

    @Override
    public String toString() {
        return String.join(" ", args);
    }

    /**
     * What SIPp reported. exitCode 0 means every call succeeded (SIPp's own verdict).
     */
    public record Result(int exitCode, String output, String errors, Map<String, String> stats) {

        public long successfulCalls() {
            return number("SuccessfulCall(C)");
        }

        public long failedCalls() {
            return number("FailedCall(C)");
        }

        public long number(String column) {
            String value = stats.get(column);
            return value == null || value.isEmpty() ? -1 : Long.parseLong(value);
        }

        /** For assertion messages. */
        public String describe() {
            return "exit " + exitCode + ", successful " + successfulCalls() + ", failed " + failedCalls()
                    + "\n--- errors ---\n" + tail(errors) + "\n--- output ---\n" + tail(output);
        }

        private static String tail(String text) {
            return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
        }
    }
}
