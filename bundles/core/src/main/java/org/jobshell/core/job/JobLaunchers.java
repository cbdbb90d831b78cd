package org.jobshell.core.job;

import java.util.List;
import org.jobshell.core.spi.TaskLauncher;

/**
 * The launchers a job may use: the one it took at submission, and the others in the order a shell
 * turns to them when a plugin asks a task to inherit a channel the first cannot pass (a small job
 * takes ProcessBuilder, which cannot pass a socket; the posix launcher can).
 *
 * @param chosen the launcher taken at submission
 * @param others the other launchers, highest ranking first; empty when the core's {@code launcher}
 *     setting names the launcher
 */
record JobLaunchers(Named chosen, List<Named> others) {

    /**
     * A launcher service and its name.
     *
     * @param name its {@value TaskLauncher#NAME}, for messages
     * @param launcher the service
     */
    record Named(String name, TaskLauncher launcher) {
    }

    JobLaunchers {
        others = List.copyOf(others);
    }

    /**
     * @param name the launcher's name
     * @param launcher the launcher
     * @return a choice of that launcher alone
     */
    static JobLaunchers only(String name, TaskLauncher launcher) {
        return new JobLaunchers(new Named(name, launcher), List.of());
    }
}
