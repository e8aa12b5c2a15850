package org.psip.plugin.auth.digest;

import java.util.List;

/**
 * Reads one Authorization value (RFC 7235 §2.1 credentials, RFC 7616 §3.4 parameters) by hand,
 * in one pass and without regular expressions: it runs for every INVITE.
 *
 * <p>What it accepts: the scheme {@code Digest} in any case; parameters separated by commas with
 * optional whitespace (empty list elements allowed, RFC 7230 §7); names in any case; values as
 * quoted strings with backslash escapes, or unquoted. Unquoted values run to the next comma or
 * whitespace, a little wider than RFC 7230's token, so a client that forgets to quote its uri
 * still gets an answer on its credentials rather than on its syntax.
 */
final class AuthorizationParser {

    private static final String SCHEME = "Digest";

    /** The parameters psip reads; their order is that of {@link DigestCredentials}. */
    private static final String[] NAMES = {
        "username", "realm", "nonce", "uri", "response", "algorithm", "qop", "nc", "cnonce"};
    private static final int REQUIRED = 5;

    private AuthorizationParser() {
    }

    /**
     * The credentials meant for this realm among several Authorization values (a client may carry
     * one per realm it has been challenged by along a path of proxies).
     *
     * @param values the header values as sent; null or empty when there are none
     * @return the first Digest credentials whose realm is exactly this one; null when none is
     * @throws MalformedAuthorizationException when none matches and one could not be read, since
     *                                         the unreadable one may well have been meant for us
     */
    static DigestCredentials forRealm(List<String> values, String realm) throws MalformedAuthorizationException {
        if (values == null) {
            return null;
        }
        MalformedAuthorizationException firstProblem = null;
        for (String value : values) {
            try {
                DigestCredentials credentials = value == null ? null : parse(value);
                if (credentials != null && credentials.realm().equals(realm)) {
                    return credentials;
                }
            } catch (MalformedAuthorizationException e) {
                firstProblem = firstProblem == null ? e : firstProblem;
            }
        }
        if (firstProblem != null) {
            throw firstProblem;
        }
        return null;
    }

    /**
     * @return the credentials, or null when the value is not of the Digest scheme (not psip's to judge)
     * @throws MalformedAuthorizationException when it is Digest but cannot be read
     */
    static DigestCredentials parse(String value) throws MalformedAuthorizationException {
        int start = skipWhitespace(value, 0);
        int afterScheme = start + SCHEME.length();
        if (!value.regionMatches(true, start, SCHEME, 0, SCHEME.length())
                || afterScheme < value.length() && !isWhitespace(value.charAt(afterScheme))) {
            return null;
        }
        String[] values = new String[NAMES.length];
        StringBuilder scratch = new StringBuilder(64);
        int position = afterScheme;
        while ((position = skipSeparators(value, position)) < value.length()) {
            position = readParameter(value, position, values, scratch);
        }
        return credentials(values);
    }

    /** Reads {@code name = value} at position; returns the position after it and its separator. */
    private static int readParameter(String header, int position, String[] values, StringBuilder value)
            throws MalformedAuthorizationException {
        int nameEnd = position;
        while (nameEnd < header.length() && isTokenChar(header.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == position) {
            throw new MalformedAuthorizationException("unexpected " + describe(header.charAt(position)));
        }
        String name = header.substring(position, nameEnd);
        int equals = skipWhitespace(header, nameEnd);
        if (equals >= header.length() || header.charAt(equals) == ',') {
            throw new MalformedAuthorizationException("parameter " + name + " has no value");
        }
        if (header.charAt(equals) != '=') {
            throw new MalformedAuthorizationException("unexpected " + describe(header.charAt(equals)) + " after " + name);
        }
        int valueStart = skipWhitespace(header, equals + 1);
        value.setLength(0);
        int end = valueStart < header.length() && header.charAt(valueStart) == '"'
                ? readQuoted(header, valueStart, value, name)
                : readUnquoted(header, valueStart, value, name);
        store(name, value.toString(), values);
        int next = skipWhitespace(header, end);
        if (next < header.length() && header.charAt(next) != ',') {
            throw new MalformedAuthorizationException("expected ',' after parameter " + name);
        }
        return next;
    }

    /** Reads a quoted string from its opening quote; returns the position after the closing one. */
    private static int readQuoted(String header, int openingQuote, StringBuilder value, String name)
            throws MalformedAuthorizationException {
        for (int i = openingQuote + 1; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (++i == header.length()) {
                    break;
                }
                c = header.charAt(i);
            }
            value.append(c);
        }
        throw new MalformedAuthorizationException("unterminated quoted value of " + name);
    }

    private static int readUnquoted(String header, int start, StringBuilder value, String name)
            throws MalformedAuthorizationException {
        int end = start;
        while (end < header.length() && header.charAt(end) != ',' && header.charAt(end) != '"'
                && !isWhitespace(header.charAt(end))) {
            end++;
        }
        if (end == start) {
            throw new MalformedAuthorizationException("parameter " + name + " has no value");
        }
        value.append(header, start, end);
        return end;
    }

    /** Keeps the value of a parameter psip reads; RFC 7616 §3.4 allows each only once. */
    private static void store(String name, String value, String[] values) throws MalformedAuthorizationException {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(name)) {
                if (values[i] != null) {
                    throw new MalformedAuthorizationException("parameter " + NAMES[i] + " appears twice");
                }
                values[i] = value;
                return;
            }
        }
    }

    private static DigestCredentials credentials(String[] values) throws MalformedAuthorizationException {
        for (int i = 0; i < REQUIRED; i++) {
            if (values[i] == null) {
                throw new MalformedAuthorizationException("no " + NAMES[i] + " parameter");
            }
        }
        return new DigestCredentials(values[0], values[1], values[2], values[3], values[4], values[5],
                values[6], values[7], values[8]);
    }

    private static int skipSeparators(String header, int position) {
        while (position < header.length() && (header.charAt(position) == ',' || isWhitespace(header.charAt(position)))) {
            position++;
        }
        return position;
    }

    private static int skipWhitespace(String header, int position) {
        while (position < header.length() && isWhitespace(header.charAt(position))) {
            position++;
        }
        return position;
    }

    /**
     * A character for a reason text that ends up in a log line and a Reason header: printable
     * ASCII as itself, anything else (quotes, controls, non-ASCII) by its code point.
     */
    private static String describe(char c) {
        return c > ' ' && c < 0x7f && c != '"' && c != '\\' ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** Space and tab, and CR/LF in case a folded header line reaches here unfolded. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** RFC 7230 tchar. */
    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
