package org.jobshell.core.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jobshell.api.ShellException;

/** Facts about this host, read cheaply from /proc (no DNS). */
final class HostFacts {
    private HostFacts() {
    }

    static String hostname() {
        try {
            // readAllLines, not readString: on some kernels procfs sizes make readString stop early
            return Files.readAllLines(Path.of("/proc/sys/kernel/hostname")).get(0).trim();
        } catch (IOException e) {
            String h = System.getenv("HOSTNAME");
            return h == null ? "localhost" : h;
        }
    }

    static long uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ShellException("cannot read this process's uid from /proc/self/status: " + e.getMessage());
        }
        throw new ShellException("no Uid line in /proc/self/status");
    }
}
