package org.psip.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.psip.sip.SipConstants;

/**
 * Step {@code enrichSipHeaders}: every {@code X-} header of the INVITE becomes an
 * answer_url parameter {@code SipHeader_X-<Name>}, except those with a reserved
 * prefix ({@code X-Nexmo} by default). Values are bounded so that a caller cannot
 * blow up the webhook request.
 */
public class SipHeaderEnricher implements Processor {

    public static final String PARAMETER_PREFIX = "SipHeader_";

    private final List<String> reservedPrefixes;
    private final int maxValueLength;
    private final int maxHeaders;

    public SipHeaderEnricher() {
        this(List.of("X-Nexmo"), 1024, 32);
    }

    public SipHeaderEnricher(List<String> reservedPrefixes, int maxValueLength, int maxHeaders) {
        this.reservedPrefixes = reservedPrefixes.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        this.maxValueLength = maxValueLength;
        this.maxHeaders = maxHeaders;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, List<String>> headers = message.getHeader(SipConstants.HEADERS, Map.class);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (headers != null) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (parameters.size() == maxHeaders) {
                    break;
                }
                if (isForwarded(header.getKey())) {
                    parameters.put(PARAMETER_PREFIX + header.getKey(), bounded(String.join(",", header.getValue())));
                }
            }
        }
        message.setHeader(PsipHeaders.SIP_HEADER_PARAMS, parameters);
    }

    private boolean isForwarded(String name) {
        if (name.length() < 3 || !name.regionMatches(true, 0, "X-", 0, 2)) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String reserved : reservedPrefixes) {
            if (lower.startsWith(reserved)) {
                return false;
            }
        }
        return true;
    }

    private String bounded(String value) {
        return value.length() <= maxValueLength ? value : value.substring(0, maxValueLength);
    }
}
