package org.psip.routes;

import java.util.List;
import java.util.Optional;

import org.psip.api.Admission;
import org.psip.api.Application;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;
import org.psip.api.Region;
import org.psip.api.SipDomain;
import org.psip.api.VirtualNumber;

/**
 * The shared directory as one node sees it: every node of a deployment reads the
 * same directory, but each serves its own home region ({@code psip.home-region}).
 */
public final class HomeRegionDirectory implements DomainDirectory {

    /** The setting that names this node's home region; empty means the directory's. */
    public static final String SETTING = "psip.home-region";

    private final DomainDirectory shared;
    private final String homeRegion;

    /** The shared settings last seen and this node's view of them: they change only on a reload. */
    private record View(GatewaySettings shared, GatewaySettings node) {
    }

    private volatile View lastView = new View(null, null);

    public HomeRegionDirectory(DomainDirectory shared, String homeRegion) {
        this.shared = shared;
        this.homeRegion = homeRegion;
    }

    /** The directory this node's view is over. */
    public DomainDirectory shared() {
        return shared;
    }

    /**
     * The shared settings with this node's home region.
     *
     * @throws IllegalStateException when the directory names its regions and this is not one of them
     */
    @Override
    public GatewaySettings settings() {
        GatewaySettings current = shared.settings();
        View view = lastView;
        if (view.shared() != current) {
            // the directory's own rule: with regions named, the home region is one of them
            if (!current.regions().isEmpty() && current.region(homeRegion).isEmpty()) {
                throw new IllegalStateException(SETTING + " '" + homeRegion
                        + "' is not one of the directory's regions " + current.regions().stream().map(Region::name).toList());
            }
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
