package org.psip.plugin.directory.file;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The digest algorithms a domain may offer. The -sess variants are left out on purpose: the
 * clients psip meets either ignore them or, like linphone, leave the call hanging on them.
 */
enum DigestAlgorithm {
    MD5("MD5", 32),
    SHA_256("SHA-256", 64),
    SHA_512_256("SHA-512-256", 64);

    static final String SUPPORTED = Arrays.stream(values()).map(DigestAlgorithm::label)
            .collect(Collectors.joining(", "));

    private final String label;
    private final int hexLength;

    DigestAlgorithm(String label, int hexLength) {
        this.label = label;
        this.hexLength = hexLength;
    }

    /** The name in challenges and in the api ({@code Admission.algorithms}, {@code Credential.ha1}). */
    String label() {
        return label;
    }

    /** How many hex digits an HA1 of this algorithm has. */
    int hexLength() {
        return hexLength;
    }

    static Optional<DigestAlgorithm> byLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equalsIgnoreCase(label)).findFirst();
    }
}
