package org.psip.plugin.directory.file;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.psip.api.Admission;
import org.psip.api.Application;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;
import org.psip.api.SipDomain;
import org.psip.api.VirtualNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain directory from one YAML file (format: the module's README), answered from memory.
 */
public final class FileDomainDirectory implements DomainDirectory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileDomainDirectory.class);

    private final DirectorySnapshot snapshot;

    /**
     * Loads {@code file}.
     *
     * @throws InvalidDirectoryException when the file cannot be read or is not a valid directory
     */
    public FileDomainDirectory(Path file) {
        String source = String.valueOf(file.getFileName());
        try {
            this.snapshot = DirectoryLoader.load(source, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidDirectoryException(source, "", "cannot be read: " + e, e);
        }
        LOG.info("Directory {} loaded: {}", file.toAbsolutePath(), snapshot.summary());
    }

    private FileDomainDirectory(DirectorySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * Loads a directory from a URL, e.g. a default embedded in a jar.
     *
     * @throws InvalidDirectoryException when it cannot be read or is not a valid directory
     */
    public static FileDomainDirectory fromUrl(URL url) {
        String path = url.getPath();
        String source = path.substring(path.lastIndexOf('/') + 1);
        try (InputStream in = url.openStream()) {
            DirectorySnapshot snapshot = DirectoryLoader.load(source, in.readAllBytes());
            LOG.info("Directory {} loaded: {}", url, snapshot.summary());
            return new FileDomainDirectory(snapshot);
        } catch (IOException e) {
            throw new InvalidDirectoryException(source, "", "cannot be read: " + e, e);
        }
    }

    /**
     * Loads a directory from the class path (the thread's context class loader, else this
     * class's).
     *
     * @param name the resource name, e.g. {@code psip/directory.yaml}
     * @throws InvalidDirectoryException when there is no such resource or it is not a valid directory
     */
    public static FileDomainDirectory fromResource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = loader == null ? null : loader.getResource(name);
        if (url == null) {
            url = FileDomainDirectory.class.getClassLoader().getResource(name);
        }
        if (url == null) {
            throw new InvalidDirectoryException(name, "", "not found on the class path");
        }
        return fromUrl(url);
    }

    @Override
    public GatewaySettings settings() {
        return snapshot.settings();
    }

    @Override
    public Optional<SipDomain> domain(String name) {
        return snapshot.domain(name);
    }

    @Override
    public Optional<SipDomain> defaultDomain() {
        return snapshot.defaultDomainIfAny();
    }

    @Override
    public Optional<VirtualNumber> number(String number) {
        return snapshot.number(number);
    }

    @Override
    public Optional<Admission> account(String name) {
        return snapshot.account(name);
    }

    @Override
    public Optional<Application> application(String id) {
        return snapshot.application(id);
    }

    /** Nothing is held open while the file is read only once. */
    @Override
    public void close() {
    }
}
