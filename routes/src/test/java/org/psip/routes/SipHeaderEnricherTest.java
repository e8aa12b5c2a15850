package org.psip.routes;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.psip.sip.SipConstants;

import static org.assertj.core.api.Assertions.assertThat;

class SipHeaderEnricherTest {

    private final CamelContext context = new DefaultCamelContext();

    @Test
    void x_headers_become_sipheader_parameters_and_x_nexmo_ones_do_not() {
        Map<String, String> parameters = enrich(new SipHeaderEnricher(), Map.of(
                "X-UserId", List.of("1938ND9"),
                "X-Nexmo-Trace", List.of("secret"),
                "x-nexmo-other", List.of("secret"),
                "Via", List.of("SIP/2.0/UDP 127.0.0.1"),
                "X-Multi", List.of("a", "b")));

        assertThat(parameters).containsOnly(
                Map.entry("SipHeader_X-UserId", "1938ND9"),
                Map.entry("SipHeader_X-Multi", "a,b"));
    }

    @Test
    void reserved_prefixes_are_configurable() {
        Map<String, String> parameters = enrich(new SipHeaderEnricher(List.of("X-Internal"), 100, 10),
                Map.of("X-Internal-Id", List.of("1"), "X-Nexmo-Id", List.of("2")));

        assertThat(parameters).containsOnly(Map.entry("SipHeader_X-Nexmo-Id", "2"));
    }

    @Test
    void values_and_header_count_are_bounded() {
        Map<String, List<String>> many = new TreeMap<>();
        for (int i = 0; i < 50; i++) {
            many.put("X-H" + i, List.of("v".repeat(5000)));
        }
        Map<String, String> parameters = enrich(new SipHeaderEnricher(List.of("X-Nexmo"), 1024, 32), many);

        assertThat(parameters).hasSize(32);
        assertThat(parameters.values()).allSatisfy(v -> assertThat(v).hasSize(1024));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> enrich(SipHeaderEnricher enricher, Map<String, List<String>> sipHeaders) {
        Exchange exchange = new DefaultExchange(context);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(sipHeaders);
        exchange.getMessage().setHeader(SipConstants.HEADERS, headers);
        enricher.process(exchange);
        return exchange.getMessage().getHeader(PsipHeaders.SIP_HEADER_PARAMS, Map.class);
    }
}
