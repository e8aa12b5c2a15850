package org.psip.plugin.directory.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Directory files for the tests. */
final class DirectoryFiles {

    /** The least a directory needs, plus one application to point at. */
    static final String MINIMAL = """
            gateway: { base_host: example.com, home_region: us, nonce_secret: s3cret }
            applications:
              demo: { answer_url: "http://127.0.0.1:8080/answer" }
            """;

    private DirectoryFiles() {
    }

    /** The complete example of the module's README, so that the documentation cannot go stale. */
    static String readmeExample() {
        try {
            String readme = Files.readString(Path.of("README.md"));
            Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
            if (!block.find()) {
                throw new IllegalStateException("README.md has no yaml example");
            }
            return block.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the file the way editors and kubectl do: a new file renamed over the old one. */
    static void replaceByRename(Path file, String content) {
        try {
            Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), content);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
