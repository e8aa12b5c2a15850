package org.psip.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.psip.api.AccessControl;
import org.psip.api.Admission;
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
        Admission admission = found.admission();
        show("directory", DomainDirectory.class, true, null);
        show("access control", AccessControl.class, true, admission.pluginTarget(Admission.ACCESS_CONTROL));
        show("authentication", Authenticator.class, admission.digestRequired(),
                admission.pluginTarget(Admission.AUTHENTICATOR));
        return null;
    }

    /** The plugin in effect for the domain: the highest ranking among those its target (if any) matches. */
    private void show(String step, Class<?> kind, boolean used, String target) {
        String chosenBy = target == null ? "" : " [target " + target + "]";
        if (!used) {
            System.out.println(step + ": not asked (the domain needs no credentials)");
            return;
        }
        List<ServiceReference<?>> ranked;
        try {
            ranked = Plugins.ranked(bundleContext, kind, target);
        } catch (InvalidSyntaxException e) {
            System.out.println(step + chosenBy + ": NOT A VALID FILTER (" + e.getMessage() + "), calls get 500");
            return;
        }
        if (ranked.isEmpty()) {
            System.out.println(step + chosenBy + (target == null ? ": NONE INSTALLED" : ": NONE MATCHES")
                    + ", calls get 503");
        } else {
            System.out.println(step + chosenBy + ": " + Plugins.describe(ranked.get(0)));
        }
        for (ServiceReference<?> standby : ranked.subList(Math.min(1, ranked.size()), ranked.size())) {
            System.out.println("  standing by: " + Plugins.describe(standby));
        }
    }

}
