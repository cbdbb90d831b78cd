package org.jobshell.api;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of a file error as users know it, for messages such as
 * {@code cannot read FILE: Permission denied}: the JDK's message of a typed
 * {@link FileSystemException} ({@link AccessDeniedException}, {@link NoSuchFileException}, ...) is
 * only the file's name, so this maps them back to strerror's text.
 */
public final class IoErrors {

    private IoErrors() {
    }

    /**
     * @param error a failure, usually an {@link java.io.IOException} (also wrapped in an
     *     {@link UncheckedIOException})
     * @return the reason, without the file name, e.g. {@code Permission denied}
     */
    public static String reason(Throwable error) {
        Throwable e = error instanceof UncheckedIOException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
