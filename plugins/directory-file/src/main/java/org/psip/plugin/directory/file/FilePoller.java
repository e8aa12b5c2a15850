package org.psip.plugin.directory.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands over a file's content each time it changes, checking its {@link FileSignature} at a fixed
 * interval.
 *
 * <p>Polling rather than a WatchService: a WatchService reports events by name in one directory,
 * so it misses a file behind a symbolic link whose target changes elsewhere (a Kubernetes ConfigMap
 * mount swaps a {@code ..data} link), goes quiet when the directory itself is replaced, falls back
 * to slow polling on macOS and sees nothing on many network file systems. One stat a second,
 * following links, has none of these problems and costs nothing.
 *
 * <p>A file read while it is being written would be half a directory. So the signature is taken
 * before and after reading, and a read during which the file changed is dropped; the next poll
 * reads the finished file. A file that cannot be read is retried at every poll (a chmod changes
 * no signature) but reported once until it changes.
 */
final class FilePoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FilePoller.class);

    private final Path file;
    private final Duration interval;
    private final Consumer<byte[]> onChange;
    private final Consumer<IOException> onUnreadable;
    private final ScheduledExecutorService executor;
    // touched by the polling thread only, once started
    private FileSignature delivered;
    private FileSignature reportedUnreadable;

    /**
     * @param onChange     gets the new content; runs on the polling thread
     * @param onUnreadable gets why the changed file could not be read; runs on the polling thread
     */
    FilePoller(Path file, Duration interval, Consumer<byte[]> onChange, Consumer<IOException> onUnreadable) {
        this.file = file;
        this.interval = interval;
        this.onChange = onChange;
        this.onUnreadable = onUnreadable;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "psip-directory-poller-" + file.getFileName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reads the file now, before polling starts; a change from here on is delivered by polling. */
    byte[] readFirst() throws IOException {
        FileSignature signature = FileSignature.of(file);
        if (signature.equals(FileSignature.ABSENT)) {
            throw new NoSuchFileException(file.toString());
        }
        byte[] content = Files.readAllBytes(file);
        delivered = signature;
        return content;
    }

    void start() {
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            // so that no reload can land after close() returns
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule, and the directory would never reload again
            LOG.error("Checking {} for changes failed; trying again in {} ms", file, interval.toMillis(), e);
        }
    }

    private void poll() {
        try {
            FileSignature before = FileSignature.of(file);
            // once reported unreadable, even the version delivered before is delivered again, so that
            // the error is cleared when, say, a deleted file is moved back
            if (before.equals(delivered) && reportedUnreadable == null) {
                return;
            }
            if (before.equals(FileSignature.ABSENT)) {
                throw new NoSuchFileException(file.toString());
            }
            byte[] content = Files.readAllBytes(file);
            if (!before.equals(FileSignature.of(file))) {
                return;
            }
            delivered = before;
            reportedUnreadable = null;
            onChange.accept(content);
        } catch (IOException e) {
            reportOnce(e);
        }
    }

    private void reportOnce(IOException e) {
        FileSignature signature;
        try {
            signature = FileSignature.of(file);
        } catch (IOException again) {
            signature = FileSignature.ABSENT;
        }
        if (!Objects.equals(signature, reportedUnreadable)) {
            reportedUnreadable = signature;
            onUnreadable.accept(e);
        }
    }
}
