package org.psip.plugin.directory.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.psip.api.Admission;
import org.psip.api.GatewaySettings;
import org.psip.api.HttpMethod;
import org.psip.api.SipDomain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domains come and go one configuration at a time, and a wrong one never half-works. */
class ConfigDomainDirectoryTest {

    private static final Map<String, String> GATEWAY = Map.of("psip.base-host", "example.com",
            "psip.home-region", "us", "psip.region.us.label", "sip-us", "psip.region.eu.label", "sip-eu",
            "psip.region.eu.gateway", "sip:sip-eu.example.com:5060", "psip.nonce.secret", "s3cret");
    private static final Map<String, String> ACME = Map.of("answer_url", "http://127.0.0.1:8080/answer",
            "answer_method", "post", "acl", "192.0.2.0/24, 2001:db8::/32", "user.alice", "wonderland");

    private final ConfigDomainDirectory directory = new ConfigDomainDirectory(GatewayProperties.parse(GATEWAY));

    @Test
    void a_domain_configuration_makes_the_domain_and_its_application() {
        directory.put("pid-1", "Acme", ACME);

        SipDomain acme = directory.domain("acme").orElseThrow();
        assertThat(acme.admission().acl()).containsExactly("192.0.2.0/24", "2001:db8::/32");
        assertThat(acme.admission().digestRequired()).isTrue();
        assertThat(acme.admission().realm()).isEqualTo("acme.sip.example.com");
        assertThat(acme.admission().users()).containsOnlyKeys("alice");
        assertThat(directory.application(acme.application()).orElseThrow().answerMethod()).isEqualTo(HttpMethod.POST);
    }

    @Test
    void a_deleted_configuration_takes_its_domain_away() {
        directory.put("pid-1", "acme", ACME);

        directory.remove("pid-1");

        assertThat(directory.domain("acme")).isEmpty();
        assertThat(directory.application("acme")).isEmpty();
    }

    @Test
    void an_invalid_change_takes_the_domain_out_rather_than_keep_a_stale_one() {
        directory.put("pid-1", "acme", ACME);

        boolean accepted = directory.put("pid-1", "acme", Map.of("answer_url", "http://x/", "acl", "10.1.2.3/8",
                "digest", "false"));

        assertThat(accepted).isFalse();
        assertThat(directory.domain("acme")).isEmpty();
    }

    @Test
    void a_domain_may_name_its_authentication_plugin_by_a_filter() {
        SipDomain domain = DomainProperties.parse("acme", Map.of("answer_url", "http://x/", "digest", "false",
                "authenticator.target", "(psip.auth=webhook)"), "example.com").domain();

        assertThat(domain.admission().pluginTarget(Admission.AUTHENTICATOR)).isEqualTo("(psip.auth=webhook)");
        assertThat(domain.admission().pluginTarget(Admission.ACCESS_CONTROL)).isNull();
        assertThatThrownBy(() -> DomainProperties.parse("acme", Map.of("answer_url", "http://x/", "digest", "false",
                "accessControl.target", "psip.acl=cidr"), "example.com"))
                .hasMessageStartingWith("accessControl.target: 'psip.acl=cidr' is not a valid filter");
    }

    @Test
    void digest_without_users_is_refused_with_the_reason() {
        assertThatThrownBy(() -> DomainProperties.parse("acme", Map.of("answer_url", "http://x/"), "example.com"))
                .hasMessageContaining("at least one user");
    }

    @Test
    void the_gateway_settings_name_the_regions_and_refuse_a_home_region_without_a_label() {
        GatewaySettings settings = GatewayProperties.parse(GATEWAY);
        assertThat(settings.regions()).extracting(r -> r.name() + "=" + r.label() + "@" + r.gateway())
                .isEqualTo(List.of("eu=sip-eu@sip:sip-eu.example.com:5060", "us=sip-us@null"));

        assertThatThrownBy(() -> GatewayProperties.parse(Map.of("psip.base-host", "example.com",
                "psip.home-region", "ap", "psip.nonce.secret", "s")))
                .hasMessageContaining("psip.home-region 'ap' has no psip.region.ap.label");
    }
}
