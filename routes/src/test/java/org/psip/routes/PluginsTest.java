package org.psip.routes;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.BeanRepository;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultRegistry;
import org.junit.jupiter.api.Test;
import org.psip.api.AccessControl;
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
