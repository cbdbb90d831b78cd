package org.jobshell.core.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates what only the job's owner may read: directories 0700 and files 0600 whatever the umask.
 * They are created with those modes (the umask can only take bits away, so they are never more open)
 * and then set to exactly them (so a umask that takes the owner's bits away does not lock the owner
 * out).
 */
final class PrivateFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * @param dir a directory to create, 0700
     * @throws java.nio.file.FileAlreadyExistsException when it exists
     */
    static void directory(Path dir) throws IOException {
        create(dir, DIRECTORY, true);
    }

    /**
     * @param file a new empty file to create, 0600, for writing
     * @return the file
     */
    static Path file(Path file) throws IOException {
        return create(file, FILE, false);
    }

    private static Path create(Path path, Set<PosixFilePermission> mode, boolean directory) throws IOException {
        FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(mode);
        if (directory) {
            Files.createDirectory(path, attribute);
        } else {
            Files.createFile(path, attribute);
        }
        return Files.setPosixFilePermissions(path, mode);
    }
}
