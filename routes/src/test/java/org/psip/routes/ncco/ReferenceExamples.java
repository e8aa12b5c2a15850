package org.psip.routes.ncco;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The published NCCO examples under {@code src/test/resources/ncco/}, as sources.txt lists them. Its first column
 * names each file; the name says what it is.
 */
final class ReferenceExamples {

    private ReferenceExamples() {
    }

    /** Every file sources.txt lists. */
    static List<String> listed() {
        return Arrays.stream(read("sources.txt").split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('\t')))
                .toList();
    }

    /** NCCOs as published, valid JSON. */
    static Stream<String> nccos() {
        return listed().stream().filter(ReferenceExamples::isNcco);
    }

    /** What the platform sends to an application's webhooks: JSON, but no NCCO. */
    static Stream<String> webhookPayloads() {
        return listed().stream().filter(name -> name.startsWith("webhook-") && name.endsWith(".json"));
    }

    /** NCCOs that were published as invalid JSON, kept verbatim; and the answer webhook's GET query string. */
    static Stream<String> notJson() {
        return listed().stream().filter(name -> name.endsWith(".txt"));
    }

    /** Listed but not copied: the old JSON schema and the reference's prose, which no test reads. */
    static boolean notCopied(String name) {
        return name.equals("ncco-schema.json") || name.startsWith("docs/");
    }

    static boolean isNcco(String name) {
        return name.endsWith(".json") && !name.startsWith("webhook-") && !notCopied(name);
    }

    static String read(String name) {
        try (InputStream in = ReferenceExamples.class.getResourceAsStream("/ncco/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path under /ncco/");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
