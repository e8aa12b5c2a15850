package org.psip.plugin.directory.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.psip.plugin.directory.file.DirectoryFiles.replaceByRename;
import static org.psip.plugin.directory.file.DirectoryFiles.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psip.api.SipDomain;

class FileDomainDirectoryReloadTest {

    private static final Duration QUICK_POLL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    /** Version {@code n} of a directory: domain acme and number 14155550100 point to application app-n. */
    private static String version(int n) {
        return """
                gateway: { base_host: example.com, home_region: us, nonce_secret: s }
                applications:
                  app-%1$d: { answer_url: "http://127.0.0.1:8080/answer/%1$d" }
                domains:
                  acme: { application: app-%1$d, acl: [ 192.0.2.0/24 ], users: { alice: { password: p%1$d } } }
                accounts:
                  abcd1234: { secret: s%1$d }
                numbers:
                  "14155550100": { application: app-%1$d, account: abcd1234 }
                """.formatted(n);
    }

    private static String applicationOfAcme(FileDomainDirectory directory) {
        return directory.domain("acme").map(SipDomain::application).orElse(null);
    }

    @Test
    void valid_change_is_served_within_a_few_seconds() {
        Path file = write(dir.resolve("psip.yaml"), version(1));
        try (FileDomainDirectory directory = new FileDomainDirectory(file)) {
            assertThat(applicationOfAcme(directory)).isEqualTo("app-1");

            write(file, version(2));

            await().atMost(Duration.ofSeconds(5)).until(() -> "app-2".equals(applicationOfAcme(directory)));
            assertThat(directory.application("app-2")).isPresent();
            assertThat(directory.application("app-1")).isEmpty();
            assertThat(directory.lastError()).isEmpty();
        }
    }

    @Test
    void file_replaced_by_rename_is_reloaded() {
        Path file = write(dir.resolve("psip.yaml"), version(1));
        try (FileDomainDirectory directory = new FileDomainDirectory(file, QUICK_POLL)) {
            replaceByRename(file, version(2));

            await().atMost(Duration.ofSeconds(5)).until(() -> "app-2".equals(applicationOfAcme(directory)));
        }
    }

    @Test
    void configmap_style_swap_of_a_linked_directory_is_reloaded() throws IOException {
        // Kubernetes: psip.yaml -> ..data/psip.yaml, and an update renames a new ..data link into place
        Files.createDirectory(dir.resolve("..v1"));
        write(dir.resolve("..v1/psip.yaml"), version(1));
        Files.createSymbolicLink(dir.resolve("..data"), Path.of("..v1"));
        Path file = Files.createSymbolicLink(dir.resolve("psip.yaml"), Path.of("..data/psip.yaml"));
        try (FileDomainDirectory directory = new FileDomainDirectory(file, QUICK_POLL)) {
            Files.createDirectory(dir.resolve("..v2"));
            write(dir.resolve("..v2/psip.yaml"), version(2));
            Files.createSymbolicLink(dir.resolve("..data_tmp"), Path.of("..v2"));
            Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);

            await().atMost(Duration.ofSeconds(5)).until(() -> "app-2".equals(applicationOfAcme(directory)));
        }
    }

    @Test
    void invalid_change_keeps_the_last_good_version_and_reports_why_until_it_is_fixed() {
        Path file = write(dir.resolve("psip.yaml"), version(1));
        try (FileDomainDirectory directory = new FileDomainDirectory(file, QUICK_POLL)) {
            write(file, version(2).replace("192.0.2.0/24", "10.0.0.300/8"));

            await().atMost(Duration.ofSeconds(5)).until(() -> directory.lastError().isPresent());
            assertThat(directory.lastError().orElseThrow())
                    .hasMessage("psip.yaml: domains.acme.acl[0]: '10.0.0.300/8' is not an IPv4 or IPv6 network");
            assertThat(applicationOfAcme(directory)).isEqualTo("app-1");
            assertThat(directory.number("14155550100").orElseThrow().application()).isEqualTo("app-1");

            write(file, version(3));

            await().atMost(Duration.ofSeconds(5)).until(() -> "app-3".equals(applicationOfAcme(directory)));
            assertThat(directory.lastError()).isEmpty();
        }
    }

    @Test
    void yaml_syntax_error_in_a_change_keeps_the_last_good_version() {
        Path file = write(dir.resolve("psip.yaml"), version(1));
        try (FileDomainDirectory directory = new FileDomainDirectory(file, QUICK_POLL)) {
            write(file, version(2).replace("acl: [ 192.0.2.0/24 ]", "acl: [ 192.0.2.0/24"));

            await().atMost(Duration.ofSeconds(5)).until(() -> directory.lastError().isPresent());
            assertThat(directory.lastError().orElseThrow().getMessage()).isEqualTo("psip.yaml: line 5, column 87: "
                    + "expected ',' or ']', but got } (while parsing a flow sequence)");
            assertThat(applicationOfAcme(directory)).isEqualTo("app-1");
        }
    }

    @Test
    void deleted_file_keeps_the_last_good_version_and_is_reloaded_when_it_comes_back() throws IOException {
        Path file = write(dir.resolve("psip.yaml"), version(1));
        try (FileDomainDirectory directory = new FileDomainDirectory(file, QUICK_POLL)) {
            Files.delete(file);

            await().atMost(Duration.ofSeconds(5)).until(() -> directory.lastError().isPresent());
            assertThat(directory.lastError().orElseThrow().getMessage())
                    .startsWith("psip.yaml: cannot be read: java.nio.file.NoSuchFileException");
            assertThat(applicationOfAcme(directory)).isEqualTo("app-1");

            write(file, version(2));

            await().atMost(Duration.ofSeconds(5)).until(() -> "app-2".equals(applicationOfAcme(directory)));
            assertThat(directory.lastError()).isEmpty();
        }
    }

    @Test
    void file_moved_away_and_back_unchanged_clears_the_error() throws IOException {
        Path file = write(dir.resolve("psip.yaml"), version(1));
        Path aside = dir.resolve("psip.yaml.aside");
        try (FileDomainDirectory directory = new FileDomainDirectory(file, QUICK_POLL)) {
            Files.move(file, aside);
            await().atMost(Duration.ofSeconds(5)).until(() -> directory.lastError().isPresent());

            Files.move(aside, file);

            await().atMost(Duration.ofSeconds(5)).until(() -> directory.lastError().isEmpty());
            assertThat(applicationOfAcme(directory)).isEqualTo("app-1");
        }
    }

    @Test
    void closed_directory_stops_watching_and_keeps_answering() {
        Path file = write(dir.resolve("psip.yaml"), version(1));
        FileDomainDirectory directory = new FileDomainDirectory(file, QUICK_POLL);
        directory.close();

        write(file, version(2));

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> "app-1".equals(applicationOfAcme(directory)));
    }

    @Test
    void concurrent_readers_during_reloads_never_see_missing_or_partial_entries() throws InterruptedException {
        Path file = write(dir.resolve("psip.yaml"), version(0));
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean reloading = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        try (FileDomainDirectory directory = new FileDomainDirectory(file, Duration.ofMillis(20))) {
            List<Thread> readers = startReaders(4, directory, reloading, reads, failures);

            for (int n = 1; n <= 15; n++) {
                int expected = n;
                if (n % 5 == 0) {
                    write(file, "domains: [ broken\n");
                    await().atMost(Duration.ofSeconds(5)).until(() -> directory.lastError().isPresent());
                }
                if (n % 2 == 0) {
                    replaceByRename(file, version(n));
                } else {
                    write(file, version(n));
                }
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> ("app-" + expected).equals(applicationOfAcme(directory)));
            }

            reloading.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
        }
        assertThat(failures).isEmpty();
        assertThat(reads.get()).isPositive();
    }

    private static List<Thread> startReaders(int count, FileDomainDirectory directory, AtomicBoolean reloading,
                                             AtomicLong reads, Queue<String> failures) {
        CountDownLatch started = new CountDownLatch(count);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread reader = new Thread(() -> {
                started.countDown();
                int lastSeen = 0;
                while (reloading.get() && failures.size() < 10) {
                    lastSeen = readOnce(directory, lastSeen, failures);
                    reads.incrementAndGet();
                }
            }, "reader-" + i);
            reader.start();
            readers.add(reader);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> started.getCount() == 0);
        return readers;
    }

    /** @return the version this read saw; versions must never go backwards */
    private static int readOnce(FileDomainDirectory directory, int lastSeen, Queue<String> failures) {
        try {
            SipDomain acme = directory.domain("acme").orElseThrow();
            int seen = Integer.parseInt(acme.application().substring("app-".length()));
            if (seen < lastSeen) {
                failures.add("went back from version " + lastSeen + " to " + seen);
            }
            if (acme.admission().acl().size() != 1 || acme.admission().users().size() != 1) {
                failures.add("partial domain " + acme);
            }
            directory.number("14155550100").orElseThrow();
            directory.account("abcd1234").orElseThrow();
            if (directory.settings() == null) {
                failures.add("no settings");
            }
            return Math.max(seen, lastSeen);
        } catch (RuntimeException e) {
            failures.add(e.toString());
            return lastSeen;
        }
    }
}
