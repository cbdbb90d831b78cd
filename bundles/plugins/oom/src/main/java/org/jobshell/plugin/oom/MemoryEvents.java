package org.jobshell.plugin.oom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The cgroup v2 files the kernel's out-of-memory killer is counted in: {@code memory.events}
 * ({@code oom_kill N}) and {@code memory.peak} of the cgroup this process is in.
 */
final class MemoryEvents {

    private final Path dir;

    MemoryEvents(Path dir) {
        this.dir = dir;
    }

    /**
     * @param cgroupFile this process's {@code /proc/self/cgroup}
     * @param mounts {@code /proc/self/mounts}
     * @return the cgroup v2 directory of this process when it has a readable {@code memory.events}
     */
    static Optional<MemoryEvents> ofThisProcess(Path cgroupFile, Path mounts) {
        try {
            String unified = null;
            for (String line : Files.readAllLines(cgroupFile)) {
                if (line.startsWith("0::")) {
                    unified = line.substring(3);
                }
            }
            if (unified == null) {
                return Optional.empty();
            }
            for (String line : Files.readAllLines(mounts)) {
                String[] f = line.split(" ");
                if (f.length > 2 && f[2].equals("cgroup2")) {
                    Path dir = Path.of(f[1], unified.replaceFirst("^/", ""));
                    if (Files.isReadable(dir.resolve("memory.events"))) {
                        return Optional.of(new MemoryEvents(dir));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @return the directory watched */
    Path dir() {
        return dir;
    }

    /** @return how many processes the cgroup's OOM killer killed so far, -1 when the file does not say */
    long oomKills() throws IOException {
        return count(Files.readAllLines(dir.resolve("memory.events")), "oom_kill");
    }

    /** @return the cgroup's peak memory use, as the kernel writes it, or "unknown" */
    String peak() {
        try {
            return Files.readString(dir.resolve("memory.peak")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * @param lines the lines of a flat-keyed cgroup file ({@code key value})
     * @param key the key
     * @return its value, -1 when absent
     */
    static long count(List<String> lines, String key) {
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].equals(key)) {
                return Long.parseLong(f[1]);
            }
        }
        return -1;
    }
}
