package org.psip.plugin.directory.file;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.psip.plugin.directory.file.DirectoryFiles.MINIMAL;
import static org.psip.plugin.directory.file.DirectoryFiles.write;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule the file is checked against, with the exact message its author gets. */
class FileDomainDirectoryValidationTest {

    private static final String GATEWAY = "gateway: { base_host: example.com, home_region: us, nonce_secret: s }\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource({"yamlRules", "gatewayRules", "applicationRules", "domainRules", "userRules", "accountAndNumberRules"})
    void invalid_file_is_refused_with_a_message_naming_file_entry_and_problem(String rule, String yaml,
                                                                             String message) {
        Path file = write(dir.resolve("psip.yaml"), yaml);

        assertThatThrownBy(() -> new FileDomainDirectory(file).close())
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> yamlRules() {
        return Stream.of(
                arguments("syntax error has line and column", MINIMAL + "domains:\n  acme: [ 1, 2\n",
                        "psip.yaml: line 6, column 1: expected ',' or ']', but got <stream end> (while parsing a flow sequence)"),
                arguments("key given twice", MINIMAL + "domains:\n  acme: {}\n  acme: {}\n",
                        "psip.yaml: line 6, column 7: Duplicate field 'acme'"),
                arguments("second document", MINIMAL + "---\ndomains: {}\n",
                        "psip.yaml: line 5, column 1: a second YAML document; the directory is one document"),
                arguments("top level is not a map", "- gateway\n", "psip.yaml: must be a map"),
                arguments("empty file has no gateway", "", "psip.yaml: gateway: missing"),
                arguments("unknown section", MINIMAL + "domain: {}\n", "psip.yaml: domain: unknown key"),
                arguments("section of the wrong type", MINIMAL + "domains: [ acme ]\n", "psip.yaml: domains: must be a map"));
    }

    static Stream<Arguments> gatewayRules() {
        return Stream.of(
                arguments("nonce secret required", "gateway: { base_host: example.com, home_region: us }\n",
                        "psip.yaml: gateway.nonce_secret: missing"),
                arguments("text expected, number given", "gateway: { base_host: example.com, home_region: us, nonce_secret: 1234 }\n",
                        "psip.yaml: gateway.nonce_secret: must be text (put it in quotes)"),
                arguments("blank text", "gateway: { base_host: example.com, home_region: us, nonce_secret: ' ' }\n",
                        "psip.yaml: gateway.nonce_secret: must not be blank"),
                arguments("base host is a host name", "gateway: { base_host: 'exa mple.com', home_region: us, nonce_secret: s }\n",
                        "psip.yaml: gateway.base_host: 'exa mple.com' is not a host name"),
                arguments("nonce lifetime positive", "gateway: { base_host: example.com, home_region: us, nonce_secret: s, nonce_lifetime: 0 }\n",
                        "psip.yaml: gateway.nonce_lifetime: must be a positive whole number of seconds"),
                arguments("unknown gateway key", "gateway: { base_host: example.com, home_region: us, nonce_secret: s, region: eu }\n",
                        "psip.yaml: gateway.region: unknown key"),
                arguments("home region among regions", """
                        gateway: { base_host: example.com, home_region: ap, nonce_secret: s,
                                   regions: { us: {}, eu: { gateway: "sip:sip-eu.example.com" } } }
                        """, "psip.yaml: gateway.home_region: 'ap' is not one of the regions (us, eu)"),
                arguments("region labels unique", """
                        gateway: { base_host: example.com, home_region: us, nonce_secret: s,
                                   regions: { us: {}, eu: { label: sip-us, gateway: "sip:sip-eu.example.com" } } }
                        """, "psip.yaml: gateway.regions.eu.label: 'sip-us' is already the label of region us"),
                arguments("region label is a host label", """
                        gateway: { base_host: example.com, home_region: us, nonce_secret: s, regions: { us: { label: sip_us } } }
                        """, "psip.yaml: gateway.regions.us.label: 'sip_us' is not a host label"),
                arguments("bare sip label is the home region's", """
                        gateway: { base_host: example.com, home_region: us, nonce_secret: s, regions: { us: { label: sip } } }
                        """, "psip.yaml: gateway.regions.us.label: 'sip' is taken: the bare sip host means the home region"),
                arguments("other regions need a gateway", """
                        gateway: { base_host: example.com, home_region: us, nonce_secret: s, regions: { us: {}, eu: {} } }
                        """, "psip.yaml: gateway.regions.eu.gateway: missing; only the home region may leave it out"),
                arguments("region gateway is a SIP URI", """
                        gateway: { base_host: example.com, home_region: us, nonce_secret: s,
                                   regions: { us: {}, eu: { gateway: "http://sip-eu.example.com" } } }
                        """, "psip.yaml: gateway.regions.eu.gateway: 'http://sip-eu.example.com' is not a sip: or sips: URI"));
    }

    static Stream<Arguments> applicationRules() {
        return Stream.of(
                arguments("answer_url or ncco required", GATEWAY + "applications: { demo: { event_url: 'http://x/e' } }\n",
                        "psip.yaml: applications.demo: needs an answer_url or an inline ncco"),
                arguments("not both answer_url and ncco", GATEWAY
                        + "applications: { demo: { answer_url: 'http://x/a', ncco: [ { action: talk } ] } }\n",
                        "psip.yaml: applications.demo: has both an answer_url and an inline ncco; keep one"),
                arguments("answer_url absolute", GATEWAY + "applications: { demo: { answer_url: /answer } }\n",
                        "psip.yaml: applications.demo.answer_url: '/answer' is not an absolute http or https URL"),
                arguments("event_url http or https", GATEWAY + "applications: { demo: { answer_url: 'http://x/a', event_url: 'ftp://x/e' } }\n",
                        "psip.yaml: applications.demo.event_url: 'ftp://x/e' is not an absolute http or https URL"),
                arguments("fallback URL parses", GATEWAY + "applications: { demo: { answer_url: 'http://x/a', fallback_answer_url: 'http://x y/' } }\n",
                        "psip.yaml: applications.demo.fallback_answer_url: 'http://x y/' is not an absolute http or https URL"),
                arguments("method GET or POST", GATEWAY + "applications: { demo: { answer_url: 'http://x/a', answer_method: PUT } }\n",
                        "psip.yaml: applications.demo.answer_method: 'PUT' is not GET or POST"),
                arguments("connect timeout positive", GATEWAY + "applications: { demo: { answer_url: 'http://x/a', connect_timeout: 0 } }\n",
                        "psip.yaml: applications.demo.connect_timeout: must be a positive whole number of milliseconds"),
                arguments("read timeout whole", GATEWAY + "applications: { demo: { answer_url: 'http://x/a', read_timeout: 1.5 } }\n",
                        "psip.yaml: applications.demo.read_timeout: must be a positive whole number of milliseconds"),
                arguments("ncco is a list", GATEWAY + "applications: { demo: { ncco: talk } }\n",
                        "psip.yaml: applications.demo.ncco: must be a non-empty list of NCCO actions"),
                arguments("ncco items are actions", GATEWAY + "applications: { demo: { ncco: [ { action: talk }, { text: hi } ] } }\n",
                        "psip.yaml: applications.demo.ncco[1]: must be an action, a map with an 'action' key"),
                arguments("unknown application key", GATEWAY + "applications: { demo: { answer_url: 'http://x/a', answer_methd: GET } }\n",
                        "psip.yaml: applications.demo.answer_methd: unknown key"));
    }

    @Test
    void a_plugin_target_that_is_not_a_filter_is_refused_naming_the_entry() {
        Path file = write(dir.resolve("psip.yaml"), MINIMAL + "domains: { acme: { application: demo, digest: false,"
                + " plugins: { authenticator: 'psip.auth=webhook' } } }\n");

        assertThatThrownBy(() -> new FileDomainDirectory(file).close())
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessageStartingWith("psip.yaml: domains.acme.plugins.authenticator: 'psip.auth=webhook' is not a valid filter: ");
    }

    static Stream<Arguments> domainRules() {
        return Stream.of(
                arguments("plugin kinds are known", MINIMAL
                        + "domains: { acme: { application: demo, digest: false, plugins: { authenticater: '(a=b)' } } }\n",
                        "psip.yaml: domains.acme.plugins.authenticater: unknown key"),
                arguments("unknown domain key", MINIMAL + "domains: { acme: { application: demo, digst: false } }\n",
                        "psip.yaml: domains.acme.digst: unknown key"),
                arguments("application required", MINIMAL + "domains: { acme: { digest: false } }\n",
                        "psip.yaml: domains.acme.application: missing"),
                arguments("application defined", MINIMAL + "domains: { acme: { application: nope, digest: false } }\n",
                        "psip.yaml: domains.acme: application 'nope' is not defined"),
                arguments("acl entries are networks", MINIMAL
                        + "domains: { acme: { application: demo, digest: false, acl: [ 192.0.2.0/24, 10.0.0.300/8 ] } }\n",
                        "psip.yaml: domains.acme.acl[1]: '10.0.0.300/8' is not an IPv4 or IPv6 network"),
                arguments("acl prefix fits the family", MINIMAL + "domains: { acme: { application: demo, digest: false, acl: [ 10.0.0.0/33 ] } }\n",
                        "psip.yaml: domains.acme.acl[0]: prefix 33 is too long for IPv4"),
                arguments("acl without host bits", MINIMAL + "domains: { acme: { application: demo, digest: false, acl: [ 10.1.2.3/8 ] } }\n",
                        "psip.yaml: domains.acme.acl[0]: '10.1.2.3/8' has host bits set; the network is 10.0.0.0/8, the single address 10.1.2.3/32"),
                arguments("acl is a list", MINIMAL + "domains: { acme: { application: demo, digest: false, acl: 10.0.0.0/8 } }\n",
                        "psip.yaml: domains.acme.acl: must be a list"),
                arguments("digest is a boolean", MINIMAL + "domains: { acme: { application: demo, digest: maybe } }\n",
                        "psip.yaml: domains.acme.digest: must be true or false"),
                arguments("digest needs users", MINIMAL + "domains: { acme: { application: demo } }\n",
                        "psip.yaml: domains.acme.users: missing: digest is on, so callers need at least one user"),
                arguments("algorithms known", MINIMAL + "domains: { acme: { application: demo, digest: false, algorithms: [ MD5-sess ] } }\n",
                        "psip.yaml: domains.acme.algorithms[0]: 'MD5-sess' is not one of MD5, SHA-256, SHA-512-256"),
                arguments("algorithms not repeated", MINIMAL + "domains: { acme: { application: demo, digest: false, algorithms: [ MD5, md5 ] } }\n",
                        "psip.yaml: domains.acme.algorithms[1]: 'md5' is listed twice"),
                arguments("algorithms not empty", MINIMAL + "domains: { acme: { application: demo, digest: false, algorithms: [] } }\n",
                        "psip.yaml: domains.acme.algorithms: must list at least one algorithm"),
                arguments("domain name is a host label", MINIMAL + "domains: { ac_me: { application: demo, digest: false } }\n",
                        "psip.yaml: domains.ac_me: a domain name must be a host label: letters, digits and inner hyphens"),
                arguments("domain names unique regardless of case", MINIMAL
                        + "domains: { acme: { application: demo, digest: false }, ACME: { application: demo, digest: false } }\n",
                        "psip.yaml: domains.ACME: same name as domains.acme (domain names are case-insensitive)"),
                arguments("domain is a map", MINIMAL + "domains: { acme: demo }\n", "psip.yaml: domains.acme: must be a map"),
                arguments("empty domain", MINIMAL + "domains:\n  acme:\n", "psip.yaml: domains.acme: needs at least an application"),
                arguments("default domain application defined", MINIMAL + "default_domain: { application: nope, digest: false }\n",
                        "psip.yaml: default_domain: application 'nope' is not defined"));
    }

    static Stream<Arguments> userRules() {
        String domain = MINIMAL + "domains:\n  acme:\n    application: demo\n";
        return Stream.of(
                arguments("user needs password or ha1", domain + "    users: { alice: {} }\n",
                        "psip.yaml: domains.acme.users.alice: needs a password or an ha1"),
                arguments("user not both", domain + "    users: { alice: { password: p, ha1: { MD5: 334b6d3774d5833520389c721bed8c75 } } }\n",
                        "psip.yaml: domains.acme.users.alice: has both a password and an ha1; keep one"),
                arguments("password is text", domain + "    users: { alice: { password: 0123 } }\n",
                        "psip.yaml: domains.acme.users.alice.password: must be text (put it in quotes)"),
                arguments("ha1 length fits the algorithm", domain + "    users: { bob: { ha1: { MD5: 334b6d37 } } }\n",
                        "psip.yaml: domains.acme.users.bob.ha1.MD5: must be 32 hex digits, H(username:realm:password)"),
                arguments("ha1 is hex", domain + "    users: { bob: { ha1: { MD5: 334b6d3774d5833520389c721bed8c7g } } }\n",
                        "psip.yaml: domains.acme.users.bob.ha1.MD5: must be 32 hex digits, H(username:realm:password)"),
                arguments("ha1 algorithm known", domain + "    users: { bob: { ha1: { SHA1: 334b6d3774d5833520389c721bed8c75 } } }\n",
                        "psip.yaml: domains.acme.users.bob.ha1.SHA1: not one of MD5, SHA-256, SHA-512-256"),
                arguments("ha1 for every offered algorithm", domain
                        + "    algorithms: [ SHA-256, MD5 ]\n    users: { bob: { ha1: { MD5: 334b6d3774d5833520389c721bed8c75 } } }\n",
                        "psip.yaml: domains.acme.users.bob.ha1: no SHA-256 hash, and the domain offers SHA-256"),
                arguments("unknown user key", domain + "    users: { alice: { pasword: p } }\n",
                        "psip.yaml: domains.acme.users.alice.pasword: unknown key"));
    }

    static Stream<Arguments> accountAndNumberRules() {
        String account = MINIMAL + "accounts: { abcd1234: { secret: s } }\n";
        return Stream.of(
                arguments("account secret required", MINIMAL + "accounts: { abcd1234: { acl: [ 0.0.0.0/0 ] } }\n",
                        "psip.yaml: accounts.abcd1234.secret: missing"),
                arguments("account acl entries are networks", MINIMAL + "accounts: { abcd1234: { secret: s, acl: [ 'fe80::1%eth0' ] } }\n",
                        "psip.yaml: accounts.abcd1234.acl[0]: 'fe80::1%eth0' is not an IPv4 or IPv6 network"),
                arguments("unknown account key", MINIMAL + "accounts: { abcd1234: { secret: s, digest: true } }\n",
                        "psip.yaml: accounts.abcd1234.digest: unknown key"),
                arguments("number is digits", account + "numbers: { '+14155550100': { application: demo, account: abcd1234 } }\n",
                        "psip.yaml: numbers.+14155550100: must be digits only, at most 15, without '+' (E.164)"),
                arguments("number at most 15 digits", account + "numbers: { '1234567890123456': { application: demo, account: abcd1234 } }\n",
                        "psip.yaml: numbers.1234567890123456: must be digits only, at most 15, without '+' (E.164)"),
                arguments("number application defined", account + "numbers: { 14155550100: { application: nope, account: abcd1234 } }\n",
                        "psip.yaml: numbers.14155550100: application 'nope' is not defined"),
                arguments("number account defined", account + "numbers: { 14155550100: { application: demo, account: nope } }\n",
                        "psip.yaml: numbers.14155550100: account 'nope' is not defined"),
                arguments("number account required", account + "numbers: { 14155550100: { application: demo } }\n",
                        "psip.yaml: numbers.14155550100.account: missing"));
    }
}
