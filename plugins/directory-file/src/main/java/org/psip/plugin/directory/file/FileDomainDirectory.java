package org.psip.plugin.directory.file;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.List;
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
 * The domain directory from one YAML file (format: the module's README), reloaded when the file
 * changes.
 *
 * <p>Lookups read one volatile, immutable snapshot: no locks, and a reader sees either the
 * directory before a reload or the one after, never a mix. A change that does not validate is
 * logged as an ERROR and kept out; the last good directory goes on serving, and
 * {@link #lastError()} says what is wrong until a good version arrives.
 */
public final class FileDomainDirectory implements DomainDirectory, AutoCloseable {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(FileDomainDirectory.class);

    private final String source;
    private final FilePoller poller;
    private volatile DirectorySnapshot snapshot;
    private volatile InvalidDirectoryException lastError;

    /**
     * Loads {@code file} and checks it for changes every second.
     *
     * @throws InvalidDirectoryException when the file cannot be read or is not a valid directory
     */
    public FileDomainDirectory(Path file) {
        this(file, DEFAULT_POLL_INTERVAL);
    }

    /** @param pollInterval how often to look for a change */
    public FileDomainDirectory(Path file, Duration pollInterval) {
        Objects.requireNonNull(pollInterval, "pollInterval");
        this.source = String.valueOf(file.getFileName());
        this.poller = new FilePoller(file, pollInterval, this::reload, this::reportUnreadable);
        try {
            this.snapshot = DirectoryLoader.load(source, poller.readFirst());
        } catch (IOException e) {
            poller.close();
            throw new InvalidDirectoryException(source, "", "cannot be read: " + e, e);
        } catch (InvalidDirectoryException e) {
            poller.close();
            throw e;
        }
        LOG.info("Directory {} loaded: {}; checking for changes every {} ms", file.toAbsolutePath(),
                snapshot.summary(), pollInterval.toMillis());
        poller.start();
    }

    private FileDomainDirectory(String source, DirectorySnapshot snapshot) {
        this.source = source;
        this.poller = null;
        this.snapshot = snapshot;
    }

    /**
     * Loads a directory once from a URL, e.g. a default embedded in a jar; it is not reloaded.
     *
     * @throws InvalidDirectoryException when it cannot be read or is not a valid directory
     */
    public static FileDomainDirectory fromUrl(URL url) {
        String path = url.getPath();
        String source = path.substring(path.lastIndexOf('/') + 1);
        try (InputStream in = url.openStream()) {
            DirectorySnapshot snapshot = DirectoryLoader.load(source, in.readAllBytes());
            LOG.info("Directory {} loaded: {}", url, snapshot.summary());
            return new FileDomainDirectory(source, snapshot);
        } catch (IOException e) {
            throw new InvalidDirectoryException(source, "", "cannot be read: " + e, e);
        }
    }

    /**
     * Loads a directory once from the class path (the thread's context class loader, else this
     * class's); it is not reloaded.
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

    /** Why the file's current version is not being served; empty once a good version is loaded. */
    public Optional<InvalidDirectoryException> lastError() {
        return Optional.ofNullable(lastError);
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
    public List<String> domainNames() {
        return snapshot.domains().keySet().stream().sorted().toList();
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

    /** Stops checking the file for changes; lookups go on answering from the last good directory. */
    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
    }

    private void reload(byte[] content) {
        try {
            DirectorySnapshot reloaded = DirectoryLoader.load(source, content);
            snapshot = reloaded;
            lastError = null;
            LOG.info("Directory {} reloaded: {}", source, reloaded.summary());
        } catch (InvalidDirectoryException e) {
            reject(e);
        } catch (RuntimeException e) {
            // a bug in the checks must not leave the failure unreported: the next change may be fine
            LOG.error("Directory {} could not be loaded", source, e);
            lastError = new InvalidDirectoryException(source, "", "cannot be loaded: " + e, e);
        }
    }

    private void reportUnreadable(IOException e) {
        reject(new InvalidDirectoryException(source, "", "cannot be read: " + e, e));
    }

    private void reject(InvalidDirectoryException e) {
        lastError = e;
        LOG.error("{}; still serving the last good version", e.getMessage());
    }
}
