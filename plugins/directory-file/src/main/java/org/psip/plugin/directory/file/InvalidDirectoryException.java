package org.psip.plugin.directory.file;

/**
 * The directory file cannot be used. The message names the file, the entry and the problem
 * ({@code psip.yaml: domains.acme.acl[1]: '10.0.0.300/8' is not an IPv4 or IPv6 network}) so that
 * whoever edits the file can go straight to the line.
 */
public final class InvalidDirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String entry;
    private final String problem;

    /**
     * @param source  the file's name
     * @param entry   the path to the entry at fault ({@code domains.acme.acl[1]}); empty for the file as a whole
     * @param problem what is wrong with it
     */
    public InvalidDirectoryException(String source, String entry, String problem) {
        this(source, entry, problem, null);
    }

    public InvalidDirectoryException(String source, String entry, String problem, Throwable cause) {
        super(source + ": " + (entry.isEmpty() ? "" : entry + ": ") + problem, cause);
        this.source = source;
        this.entry = entry;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public String entry() {
        return entry;
    }

    public String problem() {
        return problem;
    }
}
