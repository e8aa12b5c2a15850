package org.psip.plugin.acl.cidr.osgi;

import java.net.InetAddress;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.psip.api.AccessControl;
import org.psip.plugin.acl.cidr.CidrAccessControl;

/** {@link CidrAccessControl} as an OSGi service, chosen by {@code (psip.acl=cidr)}. */
@Component(name = "org.psip.plugin.acl.cidr", service = AccessControl.class, property = "psip.acl=cidr")
public class CidrAccessControlService implements AccessControl {

    private final CidrAccessControl accessControl = new CidrAccessControl();

    @Override
    public Decision check(InetAddress source, List<String> acl) {
        return accessControl.check(source, acl);
    }
}
