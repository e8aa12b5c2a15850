package org.psip.routes.ncco;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * An answer that is not a valid NCCO. The message names the first problem found, prefixed with where it is
 * ({@code [1].endpoint[0].uri: missing}), and is fit for a SIP Reason header as it is: no double quotes,
 * backslashes or line breaks, at most {@value #MAX_MESSAGE_LENGTH} characters.
 */
public class InvalidNccoException extends RuntimeException {

    /** Leaves room in the SIP layer's 200-character Reason text. */
    public static final int MAX_MESSAGE_LENGTH = 160;
    private static final int MAX_ECHO_LENGTH = 40;
    private static final String CUT = "...";
    private static final Pattern JACKSON_POINTERS =
            Pattern.compile(" \\('.{1,2}' \\(code \\d+\\)\\)| \\(start marker at .*\\]\\)");

    private final String location;
    private final String problem;

    InvalidNccoException(String location, String problem) {
        this(location, problem, null);
    }

    private InvalidNccoException(String location, String problem, Throwable cause) {
        // No stack trace: this is a verdict on the application's answer, not a fault in psip, and it can come
        // once per call.
        super(safe(location.isEmpty() ? problem : location + ": " + problem), cause, false, false);
        this.location = location;
        this.problem = problem;
    }

    /** An answer that is not JSON at all; says where the JSON parser stopped and why. */
    static InvalidNccoException notJson(JsonProcessingException e) {
        // Line and column already say where: Jackson's own pointers (the character as ('"' (code 34)), whose
        // quotes would be mangled, and where an unclosed array started) only lengthen the Reason.
        String why = JACKSON_POINTERS.matcher(e.getOriginalMessage()).replaceAll("");
        return new InvalidNccoException("", "not valid JSON" + where(e.getLocation()) + ": " + why, e);
    }

    static InvalidNccoException notJson(JsonLocation location, String why) {
        return new InvalidNccoException("", "not valid JSON" + where(location) + ": " + why);
    }

    /** A value from the answer to quote in a message: single-quoted, cut short, made safe. */
    static String echo(String value) {
        String shown = value.length() > MAX_ECHO_LENGTH ? value.substring(0, MAX_ECHO_LENGTH) + CUT : value;
        return "'" + safe(shown) + "'";
    }

    /** Where the problem is, e.g. {@code [1].endpoint[0].uri}; empty for the answer as a whole. */
    public String location() {
        return location;
    }

    /** The problem, without its location; neither cleaned nor cut, so a Reason header takes the message. */
    public String problem() {
        return problem;
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    private static String safe(String text) {
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_MESSAGE_LENGTH));
        for (int i = 0; i < text.length() && clean.length() < MAX_MESSAGE_LENGTH; i++) {
            char c = text.charAt(i);
            clean.append(c == '"' ? '\'' : c == '\\' ? '/' : Character.isISOControl(c) ? ' ' : c);
        }
        if (clean.length() == MAX_MESSAGE_LENGTH && text.length() > MAX_MESSAGE_LENGTH) {
            clean.replace(MAX_MESSAGE_LENGTH - CUT.length(), MAX_MESSAGE_LENGTH, CUT);
        }
        return clean.toString();
    }
}
