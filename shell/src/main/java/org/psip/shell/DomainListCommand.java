package org.psip.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.psip.api.DomainDirectory;

/** psip:domain-list — the SIP domains of the directory in effect. */
@Command(scope = "psip", name = "domain-list", description = "Lists the SIP domains psip answers for")
@Service
public class DomainListCommand implements Action {

    @Reference
    BundleContext bundleContext;

    @Override
    public Object execute() {
        DomainDirectory directory = Plugins.inEffect(bundleContext, DomainDirectory.class);
        if (directory == null) {
            System.out.println("No domain directory is installed "
                    + "(feature:install psip-directory-file or psip-directory-config)");
            return null;
        }
        String baseHost = directory.settings().baseHost();
        for (String name : directory.domainNames()) {
            System.out.println(name + "\t" + name + ".sip." + baseHost);
        }
        if (directory.defaultDomain().isPresent()) {
            System.out.println("(default)\tany host outside " + baseHost);
        }
        return null;
    }
}
