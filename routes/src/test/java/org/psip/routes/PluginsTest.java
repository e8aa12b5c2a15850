package org.psip.routes;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.BeanRepository;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultRegistry;
import org.junit.jupiter.api.Test;
import org.psip.api.AccessControl;
import org.psip.api.Admission;
import org.psip.sip.SipConstants;

import static org.assertj.core.api.Assertions.assertThat;

/** Each call finds its plugin anew: the registry's own choice first (Karaf: the highest ranking). */
class PluginsTest {

    private static final AccessControl ALLOW_ALL = (source, acl) -> AccessControl.Decision.allow("all");
    private static final AccessControl DENY_ALL = (source, acl) -> AccessControl.Decision.deny("none");

    @Test
    void a_registry_that_ranks_its_plugins_decides_which_one_the_call_gets() {
        Exchange call = callWith(new RankedPlugins(Map.of("a-first-by-name", ALLOW_ALL), DENY_ALL));

        assertThat(Plugins.find(call, AccessControl.class)).isSameAs(DENY_ALL);
    }

    @Test
    void without_a_ranking_the_bean_whose_name_sorts_first_wins() {
        Exchange call = callWith(new RankedPlugins(Map.of("b", DENY_ALL, "a", ALLOW_ALL), null));

        assertThat(Plugins.find(call, AccessControl.class)).isSameAs(ALLOW_ALL);
    }

    @Test
    void a_missing_plugin_answers_503_with_a_reason_and_stops_the_call() {
        Exchange call = callWith(new RankedPlugins(Map.of(), null));

        assertThat(Plugins.require(call, AccessControl.class)).isNull();
        assertThat(call.getMessage().getHeader(SipConstants.RESPONSE_CODE)).isEqualTo(503);
        assertThat(call.getMessage().getHeader(SipConstants.REASON_TEXT)).isEqualTo("no AccessControl plugin installed");
        assertThat(call.isRouteStop()).isTrue();
    }

    @Test
    void a_target_picks_the_first_listed_plugin_whose_properties_match_it() {
        Exchange call = callWith(new RankedPlugins(Map.of(), DENY_ALL));
        call.getContext().getRegistry().bind(PluginCatalog.BEAN_NAME, new ListedPlugins()
                .add(DENY_ALL, Map.of("psip.acl", "none"))
                .add(ALLOW_ALL, Map.of("psip.acl", "all")));

        assertThat(Plugins.find(call, AccessControl.class, "(psip.acl=all)")).isSameAs(ALLOW_ALL);
        assertThat(Plugins.find(call, AccessControl.class, "(|(psip.acl=all)(psip.acl=none))")).isSameAs(DENY_ALL);
        assertThat(Plugins.find(call, AccessControl.class, "(psip.acl=ldap)")).isNull();
    }

    @Test
    void an_admission_without_a_target_gets_the_registrys_choice() {
        Exchange call = callWith(new RankedPlugins(Map.of(), DENY_ALL));
        call.getContext().getRegistry().bind(PluginCatalog.BEAN_NAME, new ListedPlugins()
                .add(ALLOW_ALL, Map.of("psip.acl", "all")));

        assertThat(Plugins.require(call, AccessControl.class, admission(Map.of()), Admission.ACCESS_CONTROL))
                .isSameAs(DENY_ALL);
    }

    @Test
    void a_target_nothing_matches_answers_503_naming_it() {
        Exchange call = callWith(new RankedPlugins(Map.of(), DENY_ALL));
        call.getContext().getRegistry().bind(PluginCatalog.BEAN_NAME, new ListedPlugins()
                .add(DENY_ALL, Map.of("psip.acl", "cidr")));

        assertThat(Plugins.require(call, AccessControl.class,
                admission(Map.of(Admission.ACCESS_CONTROL, "(psip.acl=geo)")), Admission.ACCESS_CONTROL)).isNull();
        assertThat(call.getMessage().getHeader(SipConstants.RESPONSE_CODE)).isEqualTo(503);
        assertThat(call.getMessage().getHeader(SipConstants.REASON_TEXT))
                .isEqualTo("no AccessControl plugin matches (psip.acl=geo)");
    }

    @Test
    void a_target_that_is_not_a_filter_answers_500_naming_it() {
        Exchange call = callWith(new RankedPlugins(Map.of(), DENY_ALL));
        call.getContext().getRegistry().bind(PluginCatalog.BEAN_NAME, new ListedPlugins());

        assertThat(Plugins.require(call, AccessControl.class,
                admission(Map.of(Admission.ACCESS_CONTROL, "psip.acl=geo")), Admission.ACCESS_CONTROL)).isNull();
        assertThat(call.getMessage().getHeader(SipConstants.RESPONSE_CODE)).isEqualTo(500);
        assertThat(call.getMessage().getHeader(SipConstants.REASON_TEXT))
                .isEqualTo("accessControl.target psip.acl=geo is not a valid filter");
    }

    private static Admission admission(Map<String, String> targets) {
        return new Admission(List.of(), false, "realm", null, null, targets);
    }

    private static Exchange callWith(BeanRepository plugins) {
        return new DefaultExchange(new DefaultCamelContext(new DefaultRegistry(plugins)));
    }

    /** A bean repository like Karaf's service registry: every plugin by name, and one chosen over the rest. */
    private record RankedPlugins(Map<String, AccessControl> byName, AccessControl chosen) implements BeanRepository {

        @Override
        public Object lookupByName(String name) {
            return byName.get(name);
        }

        @Override
        public <T> T lookupByNameAndType(String name, Class<T> type) {
            Object bean = byName.get(name);
            return type.isInstance(bean) ? type.cast(bean) : null;
        }

        @Override
        public <T> Map<String, T> findByTypeWithName(Class<T> type) {
            Map<String, T> found = new LinkedHashMap<>();
            if (type == AccessControl.class) {
                byName.forEach((name, bean) -> found.put(name, type.cast(bean)));
            }
            return found;
        }

        @Override
        public <T> Set<T> findByType(Class<T> type) {
            return new LinkedHashSet<>(findByTypeWithName(type).values());
        }

        @Override
        public <T> T findSingleByType(Class<T> type) {
            return type == AccessControl.class && chosen != null ? type.cast(chosen) : null;
        }
    }
}
