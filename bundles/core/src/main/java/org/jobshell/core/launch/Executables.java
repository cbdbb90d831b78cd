package org.jobshell.core.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jobshell.core.spi.SpawnException;

/**
 * Finds a task's command the way execvp(3) in the task would: through the task's own PATH, not the
 * container's (which is what ProcessBuilder would search). Lookups are cached per PATH and command,
 * so a job of 1000 identical tasks looks once; a PATH with a relative entry (or an empty one, which
 * means the cwd) is searched every time.
 */
public final class Executables {

    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
    private static final int MAX_CACHED = 1024;

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * @param command argv[0]
     * @param path the task's PATH, or null
     * @param cwd the task's working directory (for relative commands)
     * @return the command to exec: an absolute path when found through PATH, else as given
     * @throws SpawnException ENOENT when nothing is found, EACCES when found but not executable
     */
    public String resolve(String command, String path, Path cwd) throws SpawnException {
        if (command.contains("/")) {
            verify(cwd.resolve(command));
            return command;
        }
        String searchPath = path == null ? DEFAULT_PATH : path;
        String key = searchPath + '\0' + command;
        String hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        String[] dirs = searchPath.split(":", -1);
        String found = search(command, dirs, cwd);
        if (allAbsolute(dirs) && cache.size() < MAX_CACHED) {
            cache.put(key, found); // a relative entry (empty means ".") depends on the cwd
        }
        return found;
    }

    /** As execvp: the first executable file wins; something there that is not one means EACCES. */
    private static String search(String command, String[] dirs, Path cwd) throws SpawnException {
        boolean foundNonExecutable = false;
        for (String dir : dirs) {
            Path candidate = (dir.isEmpty() ? cwd : cwd.resolve(dir)).resolve(command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
            foundNonExecutable |= Files.exists(candidate); // a directory, or a file without x
        }
        throw foundNonExecutable ? new SpawnException(13, "Permission denied")
                : new SpawnException(2, "No such file or directory");
    }

    private static boolean allAbsolute(String[] dirs) {
        for (String dir : dirs) {
            if (!dir.startsWith("/")) {
                return false;
            }
        }
        return true;
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
