package org.psip.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's parser, with two checks it lacks. Installed as
 * {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}.
 * <ul>
 * <li>A message that repeats a header RFC 3261 allows once is refused (400 over
 * UDP): JAIN-SIP keeps the first Call-ID, From, To, CSeq or Max-Forwards and drops
 * the others (the last Content-Length wins), so RFC 4475's multi01 or mcl01 would be
 * served with whichever value it kept.</li>
 * <li>JAIN-SIP reads any {@code SIP/x.y} in a request line as SIP/2.0, so the version
 * is checked here, and a request of another version is marked for the listener to
 * answer 505 Version Not Supported.</li>
 * </ul>
 */
public class StrictMessageParserFactory implements MessageParserFactory {

    private static final MessageParser PARSER = new StrictParser();

    /** Set as a request's application data when its request line names another SIP version. */
    public record UnsupportedVersion(String version) {
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return PARSER;
    }

    static final class StrictParser extends StringMsgParser {

        /** Long and compact names (RFC 3261 7.3.3) of the headers a message may carry once. */
        private static final String[][] SINGLETONS = {
            { "call-id", "i" }, { "from", "f" }, { "to", "t" }, { "cseq", null }, { "max-forwards", null },
            { "content-length", "l" },
        };

        @Override
        public SIPMessage parseSIPMessage(byte[] message, boolean readBody, boolean strict,
                                          ParseExceptionListener listener) throws ParseException {
            String repeated = repeatedSingleton(message);
            if (repeated != null) {
                throw new ParseException("more than one " + repeated + " header", 0);
            }
            SIPMessage parsed = super.parseSIPMessage(message, readBody, strict, listener);
            String version = requestVersion(message);
            if (parsed != null && version != null && !version.equalsIgnoreCase("SIP/2.0")) {
                parsed.setApplicationData(new UnsupportedVersion(version));
            }
            return parsed;
        }

        /** The last word of the first line when it is a request line, else null. */
        static String requestVersion(byte[] message) {
            int end = 0;
            while (end < message.length && message[end] != '\r' && message[end] != '\n') {
                end++;
            }
            String first = new String(message, 0, end, StandardCharsets.ISO_8859_1).trim();
            if (first.startsWith("SIP/")) {
                return null; // a status line
            }
            int space = first.lastIndexOf(' ');
            return space < 0 ? null : first.substring(space + 1);
        }

        /** The first singleton header that appears twice in the header section, or null. */
        static String repeatedSingleton(byte[] message) {
            int[] seen = new int[SINGLETONS.length];
            int lineStart = 0;
            boolean startLine = true;
            for (int i = 0; i < message.length; i++) {
                if (message[i] != '\n') {
                    continue;
                }
                int lineEnd = i > 0 && message[i - 1] == '\r' ? i - 1 : i;
                if (lineEnd == lineStart) {
                    return null; // the blank line: the body starts
                }
                if (!startLine && message[lineStart] != ' ' && message[lineStart] != '\t') {
                    int header = singletonIndex(message, lineStart, lineEnd);
                    if (header >= 0 && ++seen[header] > 1) {
                        return SINGLETONS[header][0];
                    }
                }
                startLine = false;
                lineStart = i + 1;
            }
            return null;
        }

        private static int singletonIndex(byte[] message, int start, int end) {
            int colon = start;
            while (colon < end && message[colon] != ':') {
                colon++;
            }
            if (colon == end) {
                return -1;
            }
            String name = new String(message, start, colon - start, StandardCharsets.ISO_8859_1).trim();
            for (int i = 0; i < SINGLETONS.length; i++) {
                if (name.equalsIgnoreCase(SINGLETONS[i][0])
                        || SINGLETONS[i][1] != null && name.equalsIgnoreCase(SINGLETONS[i][1])) {
                    return i;
                }
            }
            return -1;
        }
    }
}
