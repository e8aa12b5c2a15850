package org.psip.plugin.directory.file;

/** An entry of the YAML tree is wrong; the loader adds the file's name. */
final class InvalidEntryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String entry;
    private final String problem;

    InvalidEntryException(String entry, String problem) {
        super(entry + ": " + problem, null, false, false);
        this.entry = entry;
        this.problem = problem;
    }

    String entry() {
        return entry;
    }

    String problem() {
        return problem;
    }
}
