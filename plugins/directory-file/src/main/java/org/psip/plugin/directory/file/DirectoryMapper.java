package org.psip.plugin.directory.file;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.psip.api.Admission;
import org.psip.api.Application;
import org.psip.api.GatewaySettings;
import org.psip.api.SipDomain;
import org.psip.api.VirtualNumber;

/**
 * Maps the whole YAML tree to a {@link DirectorySnapshot}, checking as it goes that every entry is
 * well-formed and every reference resolves. Stops at the first problem: the message then points
 * at one line to fix.
 */
final class DirectoryMapper {

    private static final Set<String> SECTIONS = Set.of("gateway", "applications", "domains", "accounts", "numbers",
            "default_domain");
    private static final Set<String> NUMBER_KEYS = Set.of("application", "account");
    /** E.164: at most 15 digits, written without the '+'. */
    private static final Pattern E164_DIGITS = Pattern.compile("[0-9]{1,15}");

    private DirectoryMapper() {
    }

    static DirectorySnapshot map(ConfigEntry root) {
        root.withKnownKeys(SECTIONS);
        GatewaySettings settings = GatewayMapper.map(root.get("gateway"));
        Map<String, Application> applications = ApplicationMapper.mapAll(root.get("applications"));
        AdmissionMapper admissions = new AdmissionMapper(settings.baseHost(), applications.keySet());
        Map<String, SipDomain> domains = domains(root.get("domains"), admissions);
        Map<String, Admission> accounts = new LinkedHashMap<>();
        root.get("accounts").entries().forEach((key, entry) -> accounts.put(key, admissions.account(key, entry)));
        Map<String, VirtualNumber> numbers = numbers(root.get("numbers"), applications.keySet(), accounts.keySet());
        ConfigEntry defaultEntry = root.get("default_domain");
        SipDomain defaultDomain = defaultEntry.isPresent() ? admissions.defaultDomain(defaultEntry) : null;
        return new DirectorySnapshot(settings, applications, domains, defaultDomain, accounts, numbers);
    }

    private static Map<String, SipDomain> domains(ConfigEntry section, AdmissionMapper admissions) {
        Map<String, SipDomain> domains = new LinkedHashMap<>();
        Map<String, String> writtenNames = new LinkedHashMap<>();
        section.entries().forEach((written, entry) -> {
            if (!GatewayMapper.isHostLabel(written)) {
                throw entry.invalid("a domain name must be a host label: letters, digits and inner hyphens");
            }
            String name = written.toLowerCase(Locale.ROOT);
            String earlier = writtenNames.putIfAbsent(name, written);
            if (earlier != null) {
                throw entry.invalid("same name as domains." + earlier + " (domain names are case-insensitive)");
            }
            domains.put(name, admissions.domain(name, entry));
        });
        return domains;
    }

    private static Map<String, VirtualNumber> numbers(ConfigEntry section, Set<String> applicationIds,
                                                      Set<String> accountNames) {
        Map<String, VirtualNumber> numbers = new LinkedHashMap<>();
        section.entries().forEach((number, entry) -> {
            if (!E164_DIGITS.matcher(number).matches()) {
                throw entry.invalid("must be digits only, at most 15, without '+' (E.164)");
            }
            if (!entry.isPresent()) {
                throw entry.invalid("needs an application and an account");
            }
            entry.withKnownKeys(NUMBER_KEYS);
            String application = entry.get("application").text();
            String account = entry.get("account").text();
            if (!applicationIds.contains(application)) {
                throw entry.invalid("application '" + application + "' is not defined");
            }
            if (!accountNames.contains(account)) {
                throw entry.invalid("account '" + account + "' is not defined");
            }
            numbers.put(number, new VirtualNumber(number, application, account));
        });
        return numbers;
    }
}
