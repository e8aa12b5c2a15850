package org.psip.plugin.directory.config.osgi;

import java.util.Map;

/**
 * A domain's name from its configuration: a {@code name} property when there is one,
 * else the file's ({@code org.psip.plugin.directory.config-acme.cfg} is acme), else the
 * name of a named factory configuration ({@code org.psip.plugin.directory.config~acme}).
 */
final class DomainNames {

    private static final String FILE_PREFIX = ConfigDomainDirectoryService.FACTORY_PID + "-";
    private static final String FILE_SUFFIX = ".cfg";

    private DomainNames() {
    }

    static String of(String pid, Map<String, ?> properties) {
        Object name = properties.get("name");
        if (name != null && !name.toString().isBlank()) {
            return name.toString().trim();
        }
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String path = file.toString();
            int start = path.lastIndexOf(FILE_PREFIX);
            if (start >= 0 && path.endsWith(FILE_SUFFIX)) {
                return path.substring(start + FILE_PREFIX.length(), path.length() - FILE_SUFFIX.length());
            }
        }
        int tilde = pid.indexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }
}
