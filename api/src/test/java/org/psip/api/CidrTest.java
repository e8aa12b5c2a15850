package org.psip.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CidrTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8,       10.255.0.1,    true",
            "10.0.0.0/8,       11.0.0.1,      false",
            "192.0.2.0/24,     192.0.2.255,   true",
            "192.0.2.0/24,     192.0.3.0,     false",
            "192.0.2.7,        192.0.2.7,     true",
            "192.0.2.7,        192.0.2.8,     false",
            "0.0.0.0/0,        203.0.113.9,   true",
            "0.0.0.0/0,        2001:db8::1,   false",
            "2001:db8::/32,    2001:db8:ffff::1, true",
            "2001:db8::/32,    2001:db9::1,   false",
            "2001:db8::/33,    2001:db8:7fff::1, true",
            "2001:db8::/33,    2001:db8:8000::1, false",
            "2001:db8:0:0:1::/80, 2001:db8::1:0:0:1, true",
            "2001:db8:0:0:1::/80, 2001:db8::2:0:0:1, false",
            "::1,              ::1,           true",
            "::1,              ::2,           false",
            "::/0,             2001:db8::1,   true",
            "::/0,             192.0.2.7,     false",
            "::ffff:192.0.2.0/120, 192.0.2.7, true",
    })
    void network_contains_exactly_the_addresses_under_its_prefix(String network, String address, boolean contained) {
        assertThat(Cidr.parse(network).contains(literal(address))).isEqualTo(contained);
    }

    @Test
    void ipv4_network_contains_the_ipv4_mapped_ipv6_form_of_its_addresses() throws UnknownHostException {
        InetAddress mapped = ipv4MappedIpv6(192, 0, 2, 7);
        assertThat(mapped).isInstanceOf(Inet6Address.class);

        assertThat(Cidr.parse("192.0.2.0/24").contains(mapped)).isTrue();
        assertThat(Cidr.parse("198.51.100.0/24").contains(mapped)).isFalse();
        assertThat(Cidr.parse("::/0").contains(mapped)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.0.300/8      | '10.0.0.300/8' is not an IPv4 or IPv6 network",
            "10.0.0/8          | '10.0.0/8' is not an IPv4 or IPv6 network",
            "010.0.0.0/8       | '010.0.0.0/8' is not an IPv4 or IPv6 network",
            "example.com       | 'example.com' is not an IPv4 or IPv6 network",
            "localhost/32      | 'localhost/32' is not an IPv4 or IPv6 network",
            "2001:db8:::/32    | '2001:db8:::/32' is not an IPv4 or IPv6 network",
            "2001:db8::1::/32  | '2001:db8::1::/32' is not an IPv4 or IPv6 network",
            "1:2:3:4:5:6:7     | '1:2:3:4:5:6:7' is not an IPv4 or IPv6 network",
            "1:2:3:4:5:6:7:8:9 | '1:2:3:4:5:6:7:8:9' is not an IPv4 or IPv6 network",
            "2001:db8g::/32    | '2001:db8g::/32' is not an IPv4 or IPv6 network",
            "12345::/16        | '12345::/16' is not an IPv4 or IPv6 network",
            "fe80::1%eth0      | 'fe80::1%eth0' is not an IPv4 or IPv6 network",
            "[::1]             | '[::1]' is not an IPv4 or IPv6 network",
            "1.2.3.4::/64      | '1.2.3.4::/64' is not an IPv4 or IPv6 network",
            "10.0.0.0/33       | prefix 33 is too long for IPv4",
            "2001:db8::/129    | prefix 129 is too long for IPv6",
            "10.0.0.0/         | prefix '' is not a number from 0 to 32",
            "10.0.0.0/-1       | prefix '-1' is not a number from 0 to 32",
            "::/x              | prefix 'x' is not a number from 0 to 128",
            "10.1.2.3/8        | '10.1.2.3/8' has host bits set; the network is 10.0.0.0/8, the single address 10.1.2.3/32",
            "2001:db8::1/32    | '2001:db8::1/32' has host bits set; the network is 2001:db8::/32, the single address 2001:db8::1/128",
    })
    void garbage_is_rejected_with_a_message_that_says_what_is_wrong(String text, String message) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void blank_text_is_not_a_network() {
        assertThatThrownBy(() -> Cidr.parse(" ")).hasMessage("' ' is not an IPv4 or IPv6 network");
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8,                10.0.0.0/8",
            "192.0.2.7,                 192.0.2.7/32",
            "' 192.0.2.0/24 ',          192.0.2.0/24",
            "2001:DB8:0:0:0:0:0:0/32,   2001:db8::/32",
            "2001:db8:0:0:1:0:0:1,      2001:db8::1:0:0:1/128",
            "2001:0:0:1:0:0:0:1,        2001:0:0:1::1/128",
            "::,                        ::/128",
            "::1,                       ::1/128",
            "::ffff:192.0.2.0/120,      192.0.2.0/24",
            "64:ff9b::192.0.2.33,       64:ff9b::c000:221/128",
    })
    void canonical_form_names_the_network_whatever_form_it_was_written_in(String text, String canonical) {
        assertThat(Cidr.parse(text)).hasToString(canonical);
    }

    @Test
    void bare_addresses_are_single_host_networks() {
        assertThat(Cidr.parse("192.0.2.7").prefixLength()).isEqualTo(32);
        assertThat(Cidr.parse("::1").prefixLength()).isEqualTo(128);
        assertThat(Cidr.parse("192.0.2.7").isIpv4()).isTrue();
        assertThat(Cidr.parse("::1").isIpv4()).isFalse();
    }

    @Test
    void equal_networks_are_equal_however_they_are_written() {
        assertThat(Cidr.parse("2001:db8::/32")).isEqualTo(Cidr.parse("2001:0DB8:0:0::/32"))
                .hasSameHashCodeAs(Cidr.parse("2001:0DB8:0:0::/32"));
        assertThat(Cidr.parse("192.0.2.0/24")).isEqualTo(Cidr.parse("::ffff:c000:200/120"));
        assertThat(Cidr.parse("192.0.2.0/24")).isNotEqualTo(Cidr.parse("192.0.2.0/25"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "255.255.255.255/32", "::/0", "::/64", "::/65",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "8000::/1"})
    void every_prefix_length_boundary_parses(String text) {
        assertThat(Cidr.parse(text)).hasToString(text);
    }

    @Test
    void boundary_masks_split_the_address_space_where_they_should() {
        assertThat(Cidr.parse("128.0.0.0/1").contains(literal("127.255.255.255"))).isFalse();
        assertThat(Cidr.parse("128.0.0.0/1").contains(literal("128.0.0.0"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/64").contains(literal("2001:db8::ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/64").contains(literal("2001:db8:0:1::"))).isFalse();
        assertThat(Cidr.parse("2001:db8::/65").contains(literal("2001:db8::7fff:ffff:ffff:ffff"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/65").contains(literal("2001:db8::8000:0:0:0"))).isFalse();
    }

    private static InetAddress literal(String address) {
        // the test's own literals; Cidr itself never calls getByName
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InetAddress ipv4MappedIpv6(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) a, (byte) b, (byte) c, (byte) d};
        // InetAddress.getByAddress would hand back an Inet4Address; a dual-stack socket can report this form
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
