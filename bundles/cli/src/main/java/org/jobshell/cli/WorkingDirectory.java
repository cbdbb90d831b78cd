package org.jobshell.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.jobshell.api.IoErrors;

/**
 * Checks, before the job is submitted, that the user can enter the tasks' working directory, so
 * that the error names the directory rather than the command the tasks would have failed to start.
 * A directory that does not exist is left to the shell, which runs the tasks in /tmp and says so,
 * as the reference does.
 */
final class WorkingDirectory {

    private WorkingDirectory() {
    }

    /**
     * @param dir the working directory
     * @throws UsageException {@code working directory DIR: Permission denied}
     */
    static void check(Path dir) {
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            if (a.isDirectory() && !Files.isExecutable(dir)) {
                throw new UsageException("working directory " + dir + ": Permission denied");
            }
        } catch (NoSuchFileException e) {
            // the shell's business (reference: "Could not change dir to ...")
        } catch (IOException e) {
            throw new UsageException("working directory " + dir + ": " + IoErrors.reason(e));
        }
    }
}
