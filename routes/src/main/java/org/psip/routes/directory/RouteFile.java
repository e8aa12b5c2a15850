package org.psip.routes.directory;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.apache.camel.model.RouteDefinition;

/**
 * A route file read and checked: its routes, its text (to point at lines in), and a
 * fingerprint of its bytes so that the several events one save raises reload it once.
 */
record RouteFile(Path file, String fingerprint, String text, List<RouteDefinition> routes) {

    static String fingerprint(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
