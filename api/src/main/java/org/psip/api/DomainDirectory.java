package org.psip.api;

import java.util.List;
import java.util.Optional;

/**
 * Where psip finds domains, numbers, accounts and applications. Implementations
 * read a file, ConfigAdmin or a database; they answer from memory, since every
 * call asks, and swap their whole content at once when their source changes.
 */
public interface DomainDirectory {

    GatewaySettings settings();

    /** A SIP domain by name (the first label of {@code <name>.sip.<base>}), case-insensitive. */
    Optional<SipDomain> domain(String name);

    /**
     * The names of every SIP domain, sorted, for operators' tools (a shell command lists them);
     * a directory too large to list may return an empty list.
     */
    default List<String> domainNames() {
        return List.of();
    }

    /** The domain for requests whose host is not under the base host (e.g. the node's own address). */
    Optional<SipDomain> defaultDomain();

    /** A virtual number, digits only. */
    Optional<VirtualNumber> number(String number);

    /** An account's admission (the credentials SIP Connect callers present). */
    Optional<Admission> account(String name);

    Optional<Application> application(String id);
}
