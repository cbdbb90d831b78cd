package org.jobshell.core.spi;

import java.nio.channels.Channel;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * One process to start.
 *
 * @param argv the command line (wrappers included); {@code argv[0]} is found through the
 *     environment's {@code PATH}, as execvp(3) in the task would
 * @param environment the whole environment (nothing is inherited from the container)
 * @param cwd the working directory
 * @param cpus CPUs to bind to, or null to leave affinity alone
 * @param inherited descriptors the process gets as 3, 4, ... in this order; each was accepted by
 *     {@link TaskLauncher#checkInheritable}
 * @param observer told about output and exit
 * @param stdin the process's standard input, a readable pipe or file accepted by
 *     {@link TaskLauncher#checkInheritable}, or null for {@code /dev/null}
 */
public record SpawnRequest(List<String> argv, Map<String, String> environment, Path cwd, BitSet cpus,
        List<Channel> inherited, ProcessObserver observer, Channel stdin) {

    /**
     * A process whose standard input is {@code /dev/null}.
     *
     * @param argv the command line
     * @param environment the whole environment
     * @param cwd the working directory
     * @param cpus CPUs to bind to, or null
     * @param inherited descriptors the process gets as 3, 4, ...
     * @param observer told about output and exit
     */
    public SpawnRequest(List<String> argv, Map<String, String> environment, Path cwd, BitSet cpus,
            List<Channel> inherited, ProcessObserver observer) {
        this(argv, environment, cwd, cpus, inherited, observer, null);
    }
}
