package org.psip.plugin.directory.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.psip.plugin.directory.file.DirectoryFiles.MINIMAL;
import static org.psip.plugin.directory.file.DirectoryFiles.readmeExample;
import static org.psip.plugin.directory.file.DirectoryFiles.write;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psip.api.Admission;
import org.psip.api.Application;
import org.psip.api.Credential;
import org.psip.api.GatewaySettings;
import org.psip.api.HttpMethod;
import org.psip.api.Region;
import org.psip.api.SipDomain;
import org.psip.api.VirtualNumber;

class FileDomainDirectoryMappingTest {

    @TempDir
    Path dir;

    @Test
    void readme_example_maps_gateway_settings_and_regions() {
        try (FileDomainDirectory directory = load(readmeExample())) {
            assertThat(directory.settings()).isEqualTo(new GatewaySettings("example.com", "us", List.of(
                    new Region("us", "sip-us", null),
                    new Region("eu", "sip-eu", "sip:sip-eu.example.com", "sip:trunk-eu.example.net:5060",
                            "sip:media-eu.example.com"),
                    new Region("ap", "sip-ap", "sip:sip-ap.example.com:5060")),
                    "change-me", Duration.ofSeconds(300)));
        }
    }

    @Test
    void readme_example_maps_applications_with_webhooks_or_an_inline_ncco_as_json() {
        try (FileDomainDirectory directory = load(readmeExample())) {
            assertThat(directory.application("demo")).contains(new Application("demo",
                    "http://127.0.0.1:8080/answer", HttpMethod.GET, "http://127.0.0.1:8080/fallback",
                    "http://127.0.0.1:8080/event", HttpMethod.POST, Duration.ofMillis(1000), Duration.ofMillis(3000),
                    null));
            assertThat(directory.application("hello")).contains(new Application("hello", null, HttpMethod.GET, null,
                    "http://127.0.0.1:8080/event", HttpMethod.POST, Application.DEFAULT_CONNECT_TIMEOUT,
                    Application.DEFAULT_READ_TIMEOUT, "[{\"action\":\"talk\",\"text\":\"Hello from psip\"}]"));
        }
    }

    @Test
    void readme_example_maps_domains_with_their_admission() {
        try (FileDomainDirectory directory = load(readmeExample())) {
            assertThat(directory.domain("acme")).contains(new SipDomain("acme", "demo", new Admission(
                    List.of("192.0.2.0/24", "2001:db8::/32"), true, "acme.sip.example.com", List.of("MD5", "SHA-256"),
                    Map.of("alice", Credential.ofPassword("alice", "secret"),
                            "bob", new Credential("bob", null, Map.of(
                                    "MD5", "334b6d3774d5833520389c721bed8c75",
                                    "SHA-256", "25921e8c2c99262a44b3f78e17921aed5339dd823d36c8a0ffb9587dab821e45"))))));
            assertThat(directory.domain("globex")).contains(new SipDomain("globex", "hello", new Admission(
                    List.of("198.51.100.7"), false, "globex.sip.example.com", List.of("MD5"), Map.of())));
            assertThat(directory.defaultDomain()).contains(new SipDomain("default", "hello", new Admission(
                    List.of("127.0.0.0/8", "::1"), false, "sip.example.com", List.of("MD5"), Map.of())));
        }
    }

    @Test
    void readme_example_maps_accounts_to_a_digest_admission_with_the_key_as_username() {
        try (FileDomainDirectory directory = load(readmeExample())) {
            assertThat(directory.account("abcd1234")).contains(new Admission(List.of("0.0.0.0/0", "::/0"), true,
                    "sip.example.com", List.of("MD5"), Map.of("abcd1234", Credential.ofPassword("abcd1234", "s3cr3t"))));
            assertThat(directory.account("ef567890")).contains(new Admission(List.of("203.0.113.0/24"), true,
                    "sip.example.com", List.of("SHA-256", "MD5"),
                    Map.of("ef567890", Credential.ofPassword("ef567890", "0123"))));
        }
    }

    @Test
    void readme_example_maps_numbers_to_their_application_and_account() {
        try (FileDomainDirectory directory = load(readmeExample())) {
            assertThat(directory.number("14155550100")).contains(new VirtualNumber("14155550100", "demo", "abcd1234"));
            assertThat(directory.number("447700900123")).contains(new VirtualNumber("447700900123", "hello", "ef567890"));
        }
    }

    @Test
    void left_out_keys_take_their_documented_defaults() {
        try (FileDomainDirectory directory = load(MINIMAL + """
                domains:
                  acme:
                    application: demo
                    users: { alice: { password: secret } }
                accounts:
                  key1: { secret: s }
                """)) {
            assertThat(directory.settings().nonceLifetime()).isEqualTo(Duration.ofMinutes(5));
            assertThat(directory.settings().regions()).isEmpty();
            assertThat(directory.application("demo")).contains(new Application("demo", "http://127.0.0.1:8080/answer",
                    HttpMethod.GET, null, null, HttpMethod.POST, Duration.ofSeconds(1), Duration.ofSeconds(3), null));
            assertThat(directory.domain("acme").orElseThrow().admission()).isEqualTo(new Admission(List.of(), true,
                    "acme.sip.example.com", List.of("MD5"), Map.of("alice", Credential.ofPassword("alice", "secret"))));
            assertThat(directory.account("key1").orElseThrow().acl()).containsExactly("0.0.0.0/0", "::/0");
            assertThat(directory.defaultDomain()).isEmpty();
        }
    }

    @Test
    void acl_key_left_empty_means_absent_so_domains_admit_nobody_and_accounts_anybody() {
        try (FileDomainDirectory directory = load(MINIMAL + """
                domains:
                  acme:
                    application: demo
                    digest: false
                    acl:
                accounts:
                  key1:
                    secret: s
                    acl:
                  key2: { secret: s, acl: [] }
                """)) {
            assertThat(directory.domain("acme").orElseThrow().admission().acl()).isEmpty();
            assertThat(directory.account("key1").orElseThrow().acl()).containsExactly("0.0.0.0/0", "::/0");
            assertThat(directory.account("key2").orElseThrow().acl()).isEmpty();
        }
    }

    @Test
    void region_label_defaults_to_sip_dash_name() {
        try (FileDomainDirectory directory = load("""
                gateway:
                  base_host: example.com
                  home_region: eu
                  nonce_secret: s
                  regions: { eu: {}, us: { gateway: "sips:sip-us.example.com" } }
                """)) {
            assertThat(directory.settings().regionByLabel("sip-us")).contains(
                    new Region("us", "sip-us", "sips:sip-us.example.com"));
            assertThat(directory.settings().region("eu")).contains(new Region("eu", "sip-eu", null));
        }
    }

    @Test
    void domain_lookup_ignores_case_and_the_domain_is_named_in_lower_case() {
        try (FileDomainDirectory directory = load(MINIMAL + """
                domains:
                  Acme: { application: demo, digest: false }
                """)) {
            assertThat(directory.domain("acme")).isPresent();
            assertThat(directory.domain("ACME")).isPresent();
            assertThat(directory.domain("aCmE").orElseThrow().name()).isEqualTo("acme");
        }
    }

    @Test
    void names_that_are_not_in_the_file_are_not_found() {
        try (FileDomainDirectory directory = load(readmeExample())) {
            assertThat(directory.domain("initech")).isEmpty();
            assertThat(directory.domain(null)).isEmpty();
            assertThat(directory.number("15550000000")).isEmpty();
            assertThat(directory.account("ABCD1234")).as("account keys are digest usernames: exact case").isEmpty();
            assertThat(directory.application("Demo")).isEmpty();
        }
    }

    @Test
    void class_path_resource_loads_once() {
        try (FileDomainDirectory directory = FileDomainDirectory.fromResource("directory/minimal.yaml")) {
            assertThat(directory.settings().baseHost()).isEqualTo("example.com");
            assertThat(directory.settings().nonceSecret()).isEqualTo("test-secret");
            assertThat(directory.lastError()).isEmpty();
        }
    }

    @Test
    void missing_class_path_resource_is_reported_by_name() {
        assertThatThrownBy(() -> FileDomainDirectory.fromResource("directory/nope.yaml"))
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessage("directory/nope.yaml: not found on the class path");
    }

    @Test
    void missing_file_is_reported_by_name() {
        assertThatThrownBy(() -> new FileDomainDirectory(dir.resolve("psip.yaml")))
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessageStartingWith("psip.yaml: cannot be read: java.nio.file.NoSuchFileException: ");
    }

    private FileDomainDirectory load(String yaml) {
        return new FileDomainDirectory(write(dir.resolve("psip.yaml"), yaml));
    }

    @Test
    void a_domain_and_an_account_may_name_the_plugins_that_judge_their_callers() {
        try (FileDomainDirectory directory = load(MINIMAL + """
                domains:
                  acme:
                    application: demo
                    digest: false
                    plugins: { authenticator: "(psip.auth=webhook)", accessControl: " (psip.acl=cidr) " }
                accounts:
                  pbx:
                    secret: s
                    plugins: { authenticator: "(psip.auth=webhook)" }
                """)) {
            assertThat(directory.domain("acme").orElseThrow().admission().pluginTargets()).isEqualTo(Map.of(
                    Admission.AUTHENTICATOR, "(psip.auth=webhook)", Admission.ACCESS_CONTROL, "(psip.acl=cidr)"));
            assertThat(directory.account("pbx").orElseThrow().pluginTarget(Admission.AUTHENTICATOR))
                    .isEqualTo("(psip.auth=webhook)");
            assertThat(directory.account("pbx").orElseThrow().pluginTarget(Admission.ACCESS_CONTROL)).isNull();
        }
    }

}
