package org.psip.sip;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import gov.nist.javax.sip.header.SIPHeader;
import javax.sip.header.Header;
import javax.sip.message.Message;

/**
 * Every header of a SIP message by name (case-insensitive), each with all its values
 * in order. Read lazily on first use: most routes look at a few typed headers only,
 * and encoding every header of every message would cost each call for nothing.
 */
final class SipHeaders extends AbstractMap<String, List<String>> {

    private final Message message;
    private Map<String, List<String>> values;

    SipHeaders(Message message) {
        this.message = message;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return snapshot().entrySet();
    }

    @Override
    public List<String> get(Object name) {
        return snapshot().get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return snapshot().containsKey(name);
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> read = values;
        if (read == null) {
            read = read(message);
            values = read;
        }
        return read;
    }

    private static Map<String, List<String>> read(Message message) {
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ListIterator<String> names = message.getHeaderNames(); names.hasNext(); ) {
            String name = names.next();
            List<String> values = new ArrayList<>(1);
            for (ListIterator<Header> headers = message.getHeaders(name); headers.hasNext(); ) {
                values.add(valueOf(headers.next()));
            }
            all.merge(name, Collections.unmodifiableList(values), SipHeaders::concat);
        }
        return Collections.unmodifiableMap(all);
    }

    static String valueOf(Header header) {
        if (header instanceof SIPHeader sipHeader) {
            return sipHeader.getHeaderValue().trim();
        }
        String line = header.toString();
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(colon + 1)).trim();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return Collections.unmodifiableList(both);
    }
}
