package org.jobshell.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File errors give strerror's reason, not just the file's name the JDK puts in the message. */
class IoErrorsTest {

    @TempDir
    Path dir;

    @Test
    void typedErrorsGetTheirReason() {
        assertEquals("Permission denied", IoErrors.reason(new AccessDeniedException("/x")));
        assertEquals("No such file or directory", IoErrors.reason(new NoSuchFileException("/x")));
        assertEquals("No such file or directory",
                IoErrors.reason(new UncheckedIOException(new NoSuchFileException("/x"))));
        assertEquals("Read-only file system", IoErrors.reason(new FileSystemException("/x", null,
                "Read-only file system")));
        assertEquals("Broken pipe", IoErrors.reason(new IOException("Broken pipe")));
    }

    @Test
    void whatTheFileSystemSays() {
        Path file = dir.resolve("file");
        assertEquals("No such file or directory", reasonOfReading(file));
        assertEquals("Is a directory", reasonOfReading(dir));
    }

    private static String reasonOfReading(Path file) {
        try {
            Files.readString(file);
            throw new AssertionError(file + " was read");
        } catch (IOException e) {
            return IoErrors.reason(e);
        }
    }
}
