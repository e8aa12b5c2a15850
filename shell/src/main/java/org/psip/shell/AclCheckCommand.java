package org.psip.shell;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.psip.api.AccessControl;
import org.psip.api.Cidr;
import org.psip.api.DomainDirectory;
import org.psip.api.SipDomain;

/** psip:acl-check — would a call from this address pass the domain's ACL, and why. */
@Command(scope = "psip", name = "acl-check", description = "Tests a source address against a SIP domain's ACL")
@Service
public class AclCheckCommand implements Action {

    @Reference
    BundleContext bundleContext;

    @Argument(index = 0, name = "domain", description = "the domain's name", required = true)
    String domain;

    @Argument(index = 1, name = "address", description = "an IPv4 or IPv6 address (never a host name)",
            required = true)
    String address;

    @Override
    public Object execute() throws UnknownHostException {
        DomainDirectory directory = Plugins.inEffect(bundleContext, DomainDirectory.class);
        SipDomain found = directory == null ? null : directory.domain(domain).orElse(null);
        if (found == null) {
            System.out.println("No such domain: " + domain + " (its calls get 404)");
            return null;
        }
        AccessControl accessControl = Plugins.inEffect(bundleContext, AccessControl.class);
        if (accessControl == null) {
            System.out.println("No access control plugin is installed: calls get 503");
            return null;
        }
        InetAddress source = literal(address);
        if (source == null) {
            System.out.println("'" + address + "' is not an IPv4 or IPv6 address");
            return null;
        }
        AccessControl.Decision decision = accessControl.check(source, found.admission().acl());
        System.out.println((decision.allowed() ? "allowed: " : "denied (403): ") + decision.reason());
        return null;
    }

    /** The address only when it is a literal: a shell command must not start DNS lookups. */
    private static InetAddress literal(String text) throws UnknownHostException {
        try {
            Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return InetAddress.getByName(text.strip());
    }
}
