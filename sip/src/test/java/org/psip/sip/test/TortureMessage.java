package org.psip.sip.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One RFC 4475 torture message from the test class path (rfc4475/), with what the
 * RFC allows psip to do with it over each transport (rfc4475/expected.tsv).
 *
 * @param name         the message's name in RFC 4475 (wsinv, clerr...)
 * @param bytes        the message exactly as the RFC's archive holds it
 * @param sha256       the digest index.tsv records for it
 * @param overUdp      the allowed outcomes over UDP: status codes, route, drop
 * @param overTcp      the allowed outcomes over TCP: the same, and close
 * @param why          the RFC 4475 section and what it asks
 */
public record TortureMessage(String name, byte[] bytes, String sha256, Set<String> overUdp, Set<String> overTcp,
                             String why) {

    private static final String FOLDER = "/rfc4475/";
    private static final Pattern REQUEST_LINE = Pattern.compile("\\S+ .* SIP/\\d+\\.\\d+ *");

    /** Every message index.tsv lists, in its order. */
    public static List<TortureMessage> all() {
        Map<String, String[]> expected = new LinkedHashMap<>();
        for (String[] row : table("expected.tsv")) {
            expected.put(row[0], row);
        }
        List<TortureMessage> messages = new ArrayList<>();
        for (String[] index : table("index.tsv")) {
            String name = index[0];
            String[] outcomes = expected.get(name);
            if (outcomes == null) {
                throw new IllegalStateException("expected.tsv says nothing about " + name);
            }
            messages.add(new TortureMessage(name, resource(index[1] + "/" + name + ".dat"), index[7],
                    alternatives(outcomes[1]), alternatives(outcomes[2]), outcomes[3]));
        }
        return messages;
    }

    /** The names expected.tsv has a row for, in its order. */
    public static List<String> namesWithExpectations() {
        return table("expected.tsv").stream().map(row -> row[0]).toList();
    }

    public Set<String> allowed(boolean overTcp) {
        return overTcp ? this.overTcp : overUdp;
    }

    /** The message as a datagram receiver sees it: one message, whatever follows its body. */
    public SipText asDatagram() {
        return SipText.parse(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /**
     * The requests a stream receiver frames from these bytes, one after the other, each
     * delimited by its Content-Length (RFC 3261 18.3). Most messages hold one; dblreq
     * holds two, because on a stream the octets past the REGISTER are the next request.
     * Framing stops at the first message that is no request or whose length is unusable.
     */
    public List<SipText> requestsOnStream() {
        String stream = new String(bytes, StandardCharsets.ISO_8859_1);
        List<SipText> requests = new ArrayList<>();
        int start = 0;
        while (true) {
            while (stream.startsWith("\r\n", start)) {
                start += 2; // RFC 3261 7.5: CRLFs before a start line are ignored
            }
            int headEnd = stream.indexOf("\r\n\r\n", start);
            if (headEnd < 0 || !REQUEST_LINE.matcher(stream.substring(start, stream.indexOf("\r\n", start))).matches()) {
                return requests;
            }
            String head = stream.substring(start, headEnd);
            int bodyLength = contentLength(head);
            int end = headEnd + 4 + Math.max(bodyLength, 0);
            requests.add(SipText.parse(stream.substring(start, Math.min(end, stream.length()))));
            if (bodyLength < 0 || end > stream.length()) {
                return requests;
            }
            start = end;
        }
    }

    /** The Request-URI exactly as a request's start line writes it, stray spaces and brackets included. */
    public static String requestUri(SipText request) {
        String line = request.startLine().trim();
        int afterMethod = line.indexOf(' ');
        int beforeVersion = line.lastIndexOf(' ');
        return afterMethod < beforeVersion ? line.substring(afterMethod + 1, beforeVersion).trim() : line;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Content-Length of a header section: 0 when absent, -1 when unusable (negative, not a number). */
    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            String header = colon < 0 ? "" : line.substring(0, colon).trim();
            if (header.equalsIgnoreCase("Content-Length") || header.equalsIgnoreCase("l")) {
                try {
                    return Math.max(Integer.parseInt(line.substring(colon + 1).trim()), -1);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return 0;
    }

    private static Set<String> alternatives(String cell) {
        return new LinkedHashSet<>(List.of(cell.trim().split("\\s*\\|\\s*")));
    }

    /** The rows of a tab-separated file below rfc4475/, without its header and # comments. */
    private static List<String[]> table(String file) {
        String text = new String(resource(file), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            rows.add(line.split("\t"));
        }
        return rows;
    }

    private static byte[] resource(String path) {
        try (InputStream in = TortureMessage.class.getResourceAsStream(FOLDER + path)) {
            if (in == null) {
                throw new IllegalStateException("no " + FOLDER + path + " on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
