package org.jobshell.core.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds and kills every process that carries a job key in its environment, with one scan of
 * {@code /proc/<pid>/environ} per round: what a task started, even one that double-forked or called
 * {@code setsid}, keeps its environment and so is found. A process that cleared its environment
 * ({@code env -i}) is not. Processes of other users are not readable and are skipped.
 */
final class ProcSweep {

    private static final Path PROC = Path.of("/proc");
    /** A process that forks while being killed is found in the next round; a fork bomb is not chased forever. */
    private static final int MAX_ROUNDS = 50;

    private final long self = ProcessHandle.current().pid();

    /**
     * Kills (SIGKILL) every process whose environment has {@code variable=value}, until a scan finds none.
     *
     * @param variable the variable's name
     * @param value its value
     * @return how many processes were killed
     */
    int kill(String variable, String value) {
        byte[] needle = (variable + "=" + value + "\0").getBytes(StandardCharsets.UTF_8);
        int killed = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int found = killRound(needle);
            if (found == 0) {
                break;
            }
            killed += found;
        }
        return killed;
    }

    private int killRound(byte[] needle) {
        int found = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
            for (Path dir : dirs) {
                long pid = pidOf(dir.getFileName().toString());
                if (pid > 0 && pid != self && carries(dir, needle)) {
                    found += ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false) ? 1 : 0;
                }
            }
        } catch (IOException e) {
            return 0; // no /proc: nothing can be found this way
        }
        return found;
    }

    private static long pidOf(String name) {
        long pid = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            pid = pid * 10 + (c - '0');
        }
        return pid;
    }

    private static boolean carries(Path dir, byte[] needle) {
        byte[] env;
        try {
            env = Files.readAllBytes(dir.resolve("environ"));
        } catch (IOException e) {
            return false; // gone, or another user's
        }
        return indexOf(env, needle) >= 0;
    }

    /** @return where {@code needle} starts an entry of the NUL-separated {@code env}, or -1 */
    static int indexOf(byte[] env, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= env.length; i++) {
            if (i > 0 && env[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (env[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
