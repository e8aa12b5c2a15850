package org.psip.routes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CalleeAddressTest {

    @ParameterizedTest(name = "{0} is domain {1} in region label {2}")
    @CsvSource({
        "acme.sip.example.com, acme, sip",
        "acme.sip-eu.example.com, acme, sip-eu",
        "ACME.SIP-EU.EXAMPLE.COM, acme, sip-eu",
        "acme.sip-eu.example.com., acme, sip-eu",
    })
    void domain_hosts_name_the_domain_and_region(String host, String domain, String label) {
        CalleeAddress address = CalleeAddress.of(host, "example.com");

        assertThat(address.kind()).isEqualTo(CalleeAddress.Kind.DOMAIN);
        assertThat(address.domain()).isEqualTo(domain);
        assertThat(address.regionLabel()).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0} is SIP Connect in region label {1}")
    @CsvSource({ "sip.example.com, sip", "sip-ap.example.com, sip-ap" })
    void bare_sip_hosts_are_sip_connect(String host, String label) {
        CalleeAddress address = CalleeAddress.of(host, "example.com");

        assertThat(address.kind()).isEqualTo(CalleeAddress.Kind.SIP_CONNECT);
        assertThat(address.regionLabel()).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0} is not under the base host")
    @CsvSource({ "127.0.0.1", "example.com", "acme.example.com", "acme.pbx.example.com", "acme.sip.example.org",
                 "a.b.sip.example.com", "notexample.com", "sip-.example.com" })
    void other_hosts_are_not_under_the_base_host(String host) {
        assertThat(CalleeAddress.of(host, "example.com").kind()).isEqualTo(CalleeAddress.Kind.OTHER);
    }

    @Test
    void the_base_host_is_configurable() {
        assertThat(CalleeAddress.of("acme.sip.voice.test", "voice.test").domain()).isEqualTo("acme");
    }
}
