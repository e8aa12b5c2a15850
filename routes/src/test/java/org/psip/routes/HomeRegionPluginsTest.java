package org.psip.routes;

import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultRegistry;
import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.Test;
import org.psip.api.AccessControl;
import org.psip.api.Admission;
import org.psip.api.Application;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;
import org.psip.api.Region;
import org.psip.api.SipDomain;
import org.psip.api.VirtualNumber;
import org.psip.sip.SipConstants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The directory a call looks up is this node's view of the one the container chose (psip.home-region). */
class HomeRegionPluginsTest {

    private static final List<Region> US_AND_EU = List.of(new Region("us", "sip-us", null),
            new Region("eu", "sip-eu", "sip:127.0.0.1:15070"));

    private final SimpleRegistry plugins = new SimpleRegistry();
    private final Exchange call = new DefaultExchange(new DefaultCamelContext(
            new DefaultRegistry(new HomeRegionPlugins(plugins, "eu"))));

    @Test
    void the_directory_a_call_finds_has_the_nodes_home_region_over_the_directorys() {
        plugins.bind("directory", new InMemoryDirectory(settings("us", US_AND_EU)));

        DomainDirectory found = Plugins.find(call, DomainDirectory.class);

        assertThat(found.settings().homeRegion()).isEqualTo("eu");
        assertThat(found.settings().regions()).isEqualTo(US_AND_EU);
        assertThat(found.domain("acme")).isEqualTo(InMemoryDirectory.ACME);
    }

    @Test
    void every_call_to_the_same_directory_gets_the_same_view() {
        plugins.bind("directory", new InMemoryDirectory(settings("us", US_AND_EU)));

        DomainDirectory first = Plugins.find(call, DomainDirectory.class);

        assertThat(Plugins.find(call, DomainDirectory.class)).isSameAs(first);
        assertThat(first.settings()).isSameAs(Plugins.find(call, DomainDirectory.class).settings());
    }

    @Test
    void a_directory_that_replaces_another_is_seen_from_this_node_at_the_next_call() {
        plugins.bind("directory", new InMemoryDirectory(settings("us", US_AND_EU)));
        DomainDirectory before = Plugins.find(call, DomainDirectory.class);
        InMemoryDirectory replacement = new InMemoryDirectory(settings("us", US_AND_EU));
        plugins.bind("directory", replacement);

        DomainDirectory after = Plugins.find(call, DomainDirectory.class);

        assertThat(after).isNotSameAs(before);
        assertThat(((HomeRegionDirectory) after).shared()).isSameAs(replacement);
        assertThat(after.settings().homeRegion()).isEqualTo("eu");
    }

    @Test
    void other_plugins_and_lookups_by_a_concrete_class_come_back_as_they_are() {
        InMemoryDirectory directory = new InMemoryDirectory(settings("us", US_AND_EU));
        AccessControl allowAll = (source, acl) -> AccessControl.Decision.allow("all");
        plugins.bind("directory", directory);
        plugins.bind("acl", allowAll);

        assertThat(Plugins.find(call, AccessControl.class)).isSameAs(allowAll);
        assertThat(Plugins.find(call, InMemoryDirectory.class)).isSameAs(directory);
    }

    @Test
    void a_home_region_the_directory_does_not_name_fails_the_call_naming_the_setting_and_the_regions() {
        plugins.bind("directory", new InMemoryDirectory(settings("us", List.of(new Region("us", "sip-us", null)))));

        DomainDirectory found = Plugins.find(call, DomainDirectory.class);

        assertThatThrownBy(found::settings).isInstanceOf(IllegalStateException.class)
                .hasMessage("psip.home-region 'eu' is not one of the directory's regions [us]");
    }

    @Test
    void with_a_home_region_the_directory_does_not_name_a_call_gets_503_saying_so() {
        plugins.bind("directory", new InMemoryDirectory(settings("us", List.of(new Region("us", "sip-us", null)))));
        call.getMessage().setHeader(SipConstants.REQUEST_URI_HOST, "acme.sip.example.com");

        new IdentifyCalleeStep().process(call);

        assertThat(call.getMessage().getHeader(SipConstants.RESPONSE_CODE)).isEqualTo(503);
        assertThat(call.getMessage().getHeader(SipConstants.REASON_TEXT))
                .isEqualTo("psip.home-region 'eu' is not one of the directory's regions [us]");
        assertThat(call.isRouteStop()).isTrue();
    }

    @Test
    void a_directory_without_regions_takes_the_nodes_home_region_as_it_is() {
        plugins.bind("directory", new InMemoryDirectory(settings("us", List.of())));

        assertThat(Plugins.find(call, DomainDirectory.class).settings().homeRegion()).isEqualTo("eu");
    }

    private static GatewaySettings settings(String homeRegion, List<Region> regions) {
        return new GatewaySettings("example.com", homeRegion, regions, "secret", null);
    }

    /** A directory of one domain, held in memory. */
    private record InMemoryDirectory(GatewaySettings settings) implements DomainDirectory {

        static final Optional<SipDomain> ACME = Optional.of(new SipDomain("acme", "app",
                new Admission(List.of("127.0.0.1/32"), false, "acme", null, null)));

        @Override
        public Optional<SipDomain> domain(String name) {
            return name.equals("acme") ? ACME : Optional.empty();
        }

        @Override
        public Optional<SipDomain> defaultDomain() {
            return Optional.empty();
        }

        @Override
        public Optional<VirtualNumber> number(String number) {
            return Optional.empty();
        }

        @Override
        public Optional<Admission> account(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<Application> application(String id) {
            return Optional.empty();
        }
    }
}
