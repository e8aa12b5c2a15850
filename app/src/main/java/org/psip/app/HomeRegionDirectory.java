package org.psip.app;

import java.util.List;
import java.util.Optional;

import org.psip.api.Admission;
import org.psip.api.Application;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;
import org.psip.api.SipDomain;
import org.psip.api.VirtualNumber;

/**
 * The shared directory as one node sees it: every node of a deployment reads the
 * same file, but each serves its own home region ({@code psip.home-region}).
 */
final class HomeRegionDirectory implements DomainDirectory {

    private final DomainDirectory shared;
    private final String homeRegion;
    /** The shared settings last seen and this node's view of them: they change only on a reload. */
    private record View(GatewaySettings shared, GatewaySettings node) {
    }

    private volatile View lastView = new View(null, null);

    HomeRegionDirectory(DomainDirectory shared, String homeRegion) {
        if (shared.settings().region(homeRegion).isEmpty()) {
            throw new IllegalArgumentException("psip.home-region '" + homeRegion
                    + "' is not one of the directory's regions " + shared.settings().regions());
        }
        this.shared = shared;
        this.homeRegion = homeRegion;
    }

    @Override
    public GatewaySettings settings() {
        GatewaySettings current = shared.settings();
        View view = lastView;
        if (view.shared() != current) {
            view = new View(current, new GatewaySettings(current.baseHost(), homeRegion, current.regions(),
                    current.nonceSecret(), current.nonceLifetime()));
            lastView = view;
        }
        return view.node();
    }

    @Override
    public Optional<SipDomain> domain(String name) {
        return shared.domain(name);
    }

    @Override
    public List<String> domainNames() {
        return shared.domainNames();
    }

    @Override
    public Optional<SipDomain> defaultDomain() {
        return shared.defaultDomain();
    }

    @Override
    public Optional<VirtualNumber> number(String number) {
        return shared.number(number);
    }

    @Override
    public Optional<Admission> account(String name) {
        return shared.account(name);
    }

    @Override
    public Optional<Application> application(String id) {
        return shared.application(id);
    }
}
