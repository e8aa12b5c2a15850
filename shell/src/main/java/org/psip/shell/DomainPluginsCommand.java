package org.psip.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.psip.api.AccessControl;
import org.psip.api.Authenticator;
import org.psip.api.DomainDirectory;
import org.psip.api.SipDomain;

/** psip:domain-plugins — which plugin checks a domain's calls now, and which wait behind it. */
@Command(scope = "psip", name = "domain-plugins",
        description = "Shows the plugins a SIP domain's next call goes through")
@Service
public class DomainPluginsCommand implements Action {

    @Reference
    BundleContext bundleContext;

    @Argument(index = 0, name = "domain", description = "the domain's name (acme for acme.sip.example.com)",
            required = true)
    String domain;

    @Override
    public Object execute() {
        DomainDirectory directory = Plugins.inEffect(bundleContext, DomainDirectory.class);
        SipDomain found = directory == null ? null : directory.domain(domain).orElse(null);
        if (found == null) {
            System.out.println("No such domain: " + domain + " (its calls get 404)");
            return null;
        }
        System.out.println("domain " + found.name() + ", application " + found.application());
        show("directory", DomainDirectory.class, true);
        show("access control", AccessControl.class, true);
        show("authentication", Authenticator.class, found.admission().digestRequired());
        return null;
    }

    private void show(String step, Class<?> kind, boolean used) {
        List<ServiceReference<?>> ranked = Plugins.ranked(bundleContext, kind);
        if (!used) {
            System.out.println(step + ": not asked (the domain needs no credentials)");
        } else if (ranked.isEmpty()) {
            System.out.println(step + ": NONE INSTALLED, calls get 503");
        } else {
            System.out.println(step + ": " + Plugins.describe(ranked.get(0)));
        }
        for (ServiceReference<?> standby : ranked.subList(Math.min(1, ranked.size()), ranked.size())) {
            System.out.println("  standing by: " + Plugins.describe(standby));
        }
    }
}
