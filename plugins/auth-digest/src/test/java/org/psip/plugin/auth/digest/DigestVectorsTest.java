package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published digest vector psip keeps (src/test/resources/digest/vectors.tsv, sources.txt
 * beside it), recomputed with psip's own digest code.
 */
class DigestVectorsTest {

    /**
     * Rows that cannot be a pass criterion, with why. The as-printed RFC 7616 §3.9.2 row is wrong
     * for real SHA-512/256 (sources.txt says so; the erratum row after it is the correct one); the
     * auth-int rows hash the message body, which psip never offers. The erratum row stays in even
     * though its example uses userhash: userhash only hides the username parameter, A1 is still
     * built from the plain username, so its response checks psip's SHA-512/256 arithmetic.
     */
    private static final Map<String, String> SKIPPED = Map.of(
            "rfc7616-3.9.2-sha512-256-as-printed",
            "the RFC's printed values need SHA-512 cut to 256 bits, not SHA-512/256 (erratum 4897)",
            "smith-3.5-authint-md5", "qop=auth-int is not implemented",
            "smith-3.6-authint-md5sess", "qop=auth-int is not implemented");

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void psip_computes_the_published_response(Vector vector) {
        assumeTrue(vector.skipReason() == null, vector.skipReason());

        DigestAlgorithm algorithm = DigestAlgorithm.byName(vector.algorithmOrDefault());
        byte[] ha1 = DigestComputation.ha1(algorithm, vector.get("username"), vector.get("realm"),
                vector.get("password"));
        byte[] response = DigestComputation.expectedResponse(algorithm, ha1, vector.get("method"),
                vector.get("uri"), vector.get("nonce"), vector.get("nc"), vector.get("cnonce"), vector.qop());

        assertThat(DigestComputation.hex(response)).isEqualTo(vector.get("expected_response"));
    }

    @Test
    void every_vector_is_read_and_only_the_listed_ones_are_skipped() {
        List<Vector> vectors = vectors();

        assertThat(vectors).hasSize(13);
        assertThat(vectors).filteredOn(v -> v.skipReason() != null).extracting(Vector::id)
                .containsExactlyInAnyOrderElementsOf(SKIPPED.keySet());
    }

    static List<Vector> vectors() {
        try (InputStream in = DigestVectorsTest.class.getResourceAsStream("/digest/vectors.tsv")) {
            assertThat(in).as("digest/vectors.tsv on the test class path").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> columns = Arrays.asList(reader.readLine().split("\t", -1));
            List<Vector> vectors = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    vectors.add(Vector.of(columns, line.split("\t", -1)));
                }
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of vectors.tsv; the display name says why when it is skipped. */
    record Vector(Map<String, String> fields) {

        static Vector of(List<String> columns, String[] values) {
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                fields.put(columns.get(i), i < values.length ? values[i] : "");
            }
            return new Vector(fields);
        }

        String get(String column) {
            return fields.get(column);
        }

        String id() {
            return get("id");
        }

        /** RFC 2617 and RFC 3261: no algorithm parameter means MD5. */
        String algorithmOrDefault() {
            return get("algorithm").isEmpty() ? "MD5" : get("algorithm");
        }

        /** Empty in the rows of challenges without qop: the RFC 2069 form. */
        String qop() {
            return get("qop").isEmpty() ? null : get("qop");
        }

        String skipReason() {
            return SKIPPED.get(id());
        }

        @Override
        public String toString() {
            return skipReason() == null ? id() : id() + " (skipped: " + skipReason() + ")";
        }
    }
}
