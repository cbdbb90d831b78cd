package org.jobshell.api;

import java.nio.channels.Channel;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the launcher spawns for one task. Java cannot run code in the child between fork and exec,
 * so {@code task.exec} handlers describe their changes here and the launcher applies them at spawn:
 * prefer the ones it applies itself (environment, working directory, CPU set, descriptors) over an
 * argv wrapper, which costs one more exec per task.
 *
 * <p>Changeable in {@code task.init} and {@code task.exec}; after the spawn every mutator throws
 * {@link IllegalStateException}.
 */
@ProviderType
public interface Launch {

    /** @return the command and its arguments (mutable) */
    List<String> argv();

    /** @return this task's environment: the job environment plus per-task variables */
    Environment environment();

    /** @return the working directory */
    Path cwd();

    /** @param cwd the working directory of the task */
    void cwd(Path cwd);

    /**
     * Prepends a wrapper to the command: the task runs {@code wrapper... argv...}. Wrappers added
     * later run outside earlier ones.
     *
     * @param wrapper the wrapper command and its arguments
     */
    void wrap(List<String> wrapper);

    /** @return the wrappers added so far, outermost first (unmodifiable) */
    List<String> wrapper();

    /**
     * Binds the task to a set of CPUs.
     *
     * @param cpus the logical CPU numbers; null or empty leaves the task's affinity alone
     */
    void cpus(BitSet cpus);

    /** @return the CPUs the task will be bound to, or null to leave its affinity alone */
    BitSet cpus();

    /**
     * Lets the task inherit an open descriptor of the shell. What kinds a launcher can pass, and how,
     * is its own: the core's ProcessBuilder launcher passes pipes, files and FIFOs by reopening them
     * in the task with the channel's access mode (read, write as append, or read-write; a file's
     * offset is not shared), and refuses sockets.
     *
     * @param channel an open channel of the shell; keep it open until the task has started (a channel
     *     closed before the spawn fails the task's start)
     * @return the descriptor number the task sees it as (3, 4, ...)
     * @throws IllegalArgumentException at the call, when the channel is closed or the launcher cannot
     *     pass that kind of channel (the message says why)
     */
    int inherit(Channel channel);

    /**
     * Sets the task's standard input (by default {@code /dev/null}).
     *
     * @param channel a readable pipe or file of the shell, or null for {@code /dev/null}; keep it open
     *     until the task has started. The task gets its own open of it: a file is read from its start,
     *     a pipe is shared
     * @throws IllegalArgumentException at the call, when the channel is closed or the launcher cannot
     *     pass that kind of channel
     */
    void stdin(Channel channel);

    /** @return the channel the task's standard input comes from, or null for {@code /dev/null} */
    Channel stdin();

    /** @return the full command the launcher will run: wrappers, then {@link #argv()} */
    List<String> commandLine();
}
