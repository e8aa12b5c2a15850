package org.psip.routes.directory;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Why a route file was not loaded: the file, the line the problem is on (0 when no
 * line can be named) and the problem in words. The routes the file would have
 * changed keep running as they were.
 *
 * @param file    the route file
 * @param line    1-based line of the problem, 0 for the file as a whole
 * @param problem what is wrong, in words
 * @param at      when the file was refused
 */
public record RouteFileRefusal(Path file, int line, String problem, Instant at) {

    /** {@code routes/block.yaml line 12: no bean named 'blockCaler'}. */
    public String describe() {
        return file + (line > 0 ? " line " + line : "") + ": " + problem;
    }

    @Override
    public String toString() {
        return describe();
    }
}
