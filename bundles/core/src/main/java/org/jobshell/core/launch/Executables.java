package org.jobshell.core.launch;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a command the way execvp(3) does, to report a missing one before a wrapper runs it. */
final class Executables {

    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private Executables() {
    }

    /**
     * @param command argv[0]
     * @param path the task's PATH, or null
     * @param cwd the task's working directory (for relative commands with a slash)
     * @throws SpawnException ENOENT when nothing is found, EACCES when found but not executable
     */
    static void check(String command, String path, Path cwd) throws SpawnException {
        if (command.contains("/")) {
            verify(cwd.resolve(command));
            return;
        }
        boolean foundNonExecutable = false;
        for (String dir : (path == null ? DEFAULT_PATH : path).split(":", -1)) {
            Path candidate = (dir.isEmpty() ? cwd : cwd.resolve(dir)).resolve(command);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return;
                }
                foundNonExecutable = true;
            }
        }
        throw foundNonExecutable ? new SpawnException(13, "Permission denied")
                : new SpawnException(2, "No such file or directory");
    }

    private static void verify(Path p) throws SpawnException {
        if (!Files.exists(p)) {
            throw new SpawnException(2, "No such file or directory");
        }
        if (Files.isDirectory(p) || !Files.isExecutable(p)) {
            throw new SpawnException(13, "Permission denied");
        }
    }
}
