package org.psip.plugin.directory.file;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.psip.api.Admission;
import org.psip.api.Application;
import org.psip.api.GatewaySettings;
import org.psip.api.SipDomain;
import org.psip.api.VirtualNumber;

/**
 * Everything one version of the file says, immutable, so that a reload replaces it with a
 * single reference write and a reader sees either the old directory or the new one.
 *
 * @param domains       by lower-case name
 * @param defaultDomain null when the file has no {@code default_domain}
 */
record DirectorySnapshot(GatewaySettings settings, Map<String, Application> applications,
                         Map<String, SipDomain> domains, SipDomain defaultDomain,
                         Map<String, Admission> accounts, Map<String, VirtualNumber> numbers) {

    DirectorySnapshot {
        applications = Map.copyOf(applications);
        domains = Map.copyOf(domains);
        accounts = Map.copyOf(accounts);
        numbers = Map.copyOf(numbers);
    }

    Optional<SipDomain> domain(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(domains.get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<SipDomain> defaultDomainIfAny() {
        return Optional.ofNullable(defaultDomain);
    }

    Optional<VirtualNumber> number(String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(numbers.get(number));
    }

    Optional<Admission> account(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(accounts.get(name));
    }

    Optional<Application> application(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(applications.get(id));
    }

    /** For the log line after a load. */
    String summary() {
        return count(domains, "domain") + (defaultDomain == null ? "" : " and a default domain") + ", "
                + count(applications, "application") + ", " + count(accounts, "account") + ", "
                + count(numbers, "number");
    }

    private static String count(Map<?, ?> entries, String noun) {
        return entries.size() + " " + noun + (entries.size() == 1 ? "" : "s");
    }
}
