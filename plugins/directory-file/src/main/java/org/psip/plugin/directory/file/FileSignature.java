package org.psip.plugin.directory.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What tells one version of a file from the next without reading it: modification time, size and
 * file key (the inode on Unix). The key catches an editor's or Kubernetes' replace-by-rename even
 * when time and size happen to match; symbolic links are followed, so a swapped link target counts.
 */
record FileSignature(FileTime modified, long size, Object fileKey) {

    /** The file is not there (deleted, or between an editor's delete and create). */
    static final FileSignature ABSENT = new FileSignature(FileTime.fromMillis(0), -1, null);

    static FileSignature of(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileSignature(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
    }
}
