package org.psip.plugin.acl.cidr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psip.api.AccessControl;
import org.psip.api.AccessControl.Decision;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class CidrAccessControlTest {

    private final CidrAccessControl accessControl = new CidrAccessControl();
    private final Logger log = (Logger) LoggerFactory.getLogger(CidrAccessControl.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        log.detachAppender(logged);
    }

    @Test
    void ipv4_source_inside_a_network_is_allowed_and_the_reason_names_the_network() {
        Decision decision = accessControl.check(address("10.1.2.3"), List.of("192.0.2.0/24", "10.0.0.0/8"));

        assertThat(decision).isEqualTo(Decision.allow("source 10.1.2.3 allowed by 10.0.0.0/8"));
    }

    @Test
    void ipv4_source_outside_every_network_is_denied() {
        Decision decision = accessControl.check(address("127.0.0.2"), List.of("192.0.2.0/24", "10.0.0.0/8"));

        assertThat(decision).isEqualTo(Decision.deny("source 127.0.0.2 not in the ACL"));
    }

    @Test
    void ipv6_source_inside_a_network_is_allowed() {
        Decision decision = accessControl.check(address("2001:db8::7"), List.of("2001:db8::/32"));

        assertThat(decision).isEqualTo(Decision.allow("source 2001:db8:0:0:0:0:0:7 allowed by 2001:db8::/32"));
    }

    @Test
    void ipv6_source_outside_every_network_is_denied() {
        Decision decision = accessControl.check(address("2001:db9::7"), List.of("2001:db8::/32", "10.0.0.0/8"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("source 2001:db9:0:0:0:0:0:7 not in the ACL");
    }

    @Test
    void bare_address_allows_that_one_host_only() {
        List<String> acl = List.of("192.0.2.7", "::1");

        assertThat(accessControl.check(address("192.0.2.7"), acl).allowed()).isTrue();
        assertThat(accessControl.check(address("192.0.2.8"), acl).allowed()).isFalse();
        assertThat(accessControl.check(address("::1"), acl).allowed()).isTrue();
        assertThat(accessControl.check(address("::2"), acl).allowed()).isFalse();
    }

    @Test
    void ipv4_slash_zero_allows_every_ipv4_source_and_no_ipv6_one() {
        List<String> acl = List.of("0.0.0.0/0");

        assertThat(accessControl.check(address("203.0.113.9"), acl).allowed()).isTrue();
        assertThat(accessControl.check(address("2001:db8::1"), acl).allowed()).isFalse();
    }

    @Test
    void ipv6_slash_zero_allows_every_ipv6_source_and_no_ipv4_one() {
        List<String> acl = List.of("::/0");

        assertThat(accessControl.check(address("2001:db8::1"), acl).allowed()).isTrue();
        assertThat(accessControl.check(address("203.0.113.9"), acl).allowed()).isFalse();
    }

    @Test
    void ipv4_mapped_ipv6_source_is_matched_against_ipv4_networks() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 7};
        InetAddress source = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(accessControl.check(source, List.of("192.0.2.0/24")).allowed()).isTrue();
        assertThat(accessControl.check(source, List.of("::/0")).allowed()).isFalse();
    }

    @Test
    void empty_acl_denies_everyone() {
        assertThat(accessControl.check(address("127.0.0.1"), List.of()))
                .isEqualTo(Decision.deny("source 127.0.0.1 denied: the ACL is empty"));
        assertThat(accessControl.check(address("127.0.0.1"), null).allowed()).isFalse();
    }

    @Test
    void garbage_entry_is_skipped_with_one_warning_and_the_other_entries_still_apply() {
        List<String> acl = List.of("10.0.0.300/8", "192.0.2.0/24");

        for (int i = 0; i < 100; i++) {
            assertThat(accessControl.check(address("192.0.2.1"), acl).allowed()).isTrue();
            assertThat(accessControl.check(address("10.0.0.1"), acl).allowed()).isFalse();
        }

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .isEqualTo("Skipping ACL entry '10.0.0.300/8': '10.0.0.300/8' is not an IPv4 or IPv6 network");
        });
    }

    @Test
    void acl_of_nothing_but_garbage_denies_everyone() {
        List<String> acl = Arrays.asList("example.com", null, "10.0.0.0/33");

        assertThat(accessControl.check(address("10.0.0.1"), acl))
                .isEqualTo(Decision.deny("source 10.0.0.1 not in the ACL"));
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Skipping ACL entry 'example.com': 'example.com' is not an IPv4 or IPv6 network",
                "Skipping a null ACL entry",
                "Skipping ACL entry '10.0.0.0/33': prefix 33 is too long for IPv4");
    }

    @Test
    void same_acl_gives_the_same_answer_on_every_call_and_is_parsed_once() {
        List<String> acl = List.of("192.0.2.0/24", "2001:db8::/32");

        for (int i = 0; i < 10_000; i++) {
            assertThat(accessControl.check(address("192.0.2.200"), acl).allowed()).isTrue();
            assertThat(accessControl.check(address("198.51.100.1"), acl).allowed()).isFalse();
            assertThat(accessControl.check(address("2001:db8::1"), List.copyOf(acl)).allowed()).isTrue();
        }

        assertThat(accessControl.cachedAcls()).isEqualTo(1);
    }

    @Test
    void changing_a_mutable_list_after_a_check_is_not_mistaken_for_the_cached_acl() {
        List<String> acl = new ArrayList<>(List.of("192.0.2.0/24"));
        assertThat(accessControl.check(address("10.0.0.1"), acl).allowed()).isFalse();

        acl.set(0, "10.0.0.0/8");

        assertThat(accessControl.check(address("10.0.0.1"), acl).allowed()).isTrue();
    }

    @Test
    void cache_stays_within_its_bound_when_acls_keep_changing() {
        CidrAccessControl bounded = new CidrAccessControl(10);

        for (int i = 0; i < 1_000; i++) {
            List<String> reloaded = List.of("10.0." + (i % 250) + ".0/24", "192.0.2." + (i / 250) + "/32");
            assertThat(bounded.check(address("10.0." + (i % 250) + ".9"), reloaded).allowed()).isTrue();
            assertThat(bounded.cachedAcls()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void is_found_by_the_service_loader() {
        assertThat(ServiceLoader.load(AccessControl.class)).singleElement().isInstanceOf(CidrAccessControl.class);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
