package org.jobshell.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import org.jobshell.api.Idset;

/** The CPUs this process may run on, from {@code /proc/self/status}. */
public final class CpuSets {

    private CpuSets() {
    }

    /** @return the CPUs this process may run on; all available processors when that can't be read */
    public static BitSet allowed() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return Idset.decode(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // fall through to the processor count
        }
        BitSet all = new BitSet();
        all.set(0, Runtime.getRuntime().availableProcessors());
        return all;
    }
}
