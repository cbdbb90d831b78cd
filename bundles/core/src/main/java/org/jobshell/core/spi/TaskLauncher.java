package org.jobshell.core.spi;

import java.nio.channels.Channel;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Starts task processes. Registered as an OSGi service: a job uses the launcher service with the
 * highest {@code service.ranking} at the moment it is submitted (ties: the earlier registered) among
 * those whose {@link #MIN_TASKS} it reaches, or the one the core's {@code launcher} setting names,
 * and keeps it until it ends. The core's own {@code ProcessBuilder} launcher ranks 0. Unless the setting
 * names one, a shell whose plugin asks a task to inherit a channel the job's launcher refuses
 * ({@link #checkInheritable}) takes, before its first spawn, the highest-ranked other launcher that
 * accepts it, whatever its {@link #MIN_TASKS}.
 *
 * <p>An implementation reads task output without a thread per stream, calls the request's
 * {@link ProcessObserver} for output, end of file and exit, never leaks the container's descriptors or
 * environment into tasks, and may be called from several shell threads at once.
 */
@ConsumerType
public interface TaskLauncher {

    /** Service property: a short name for messages, e.g. {@code processbuilder} or {@code posix}. */
    String NAME = "jobshell.launcher.name";

    /**
     * Service property (a number, default 0): the fewest tasks a job must have for this launcher to be
     * chosen by ranking. A launcher whose set-up costs more than it saves on a small job in a fresh
     * container declares it; a container that is already warm can configure it to 0. The
     * {@code launcher} setting of the core, naming a launcher, overrides it.
     */
    String MIN_TASKS = "jobshell.launcher.min.tasks";

    /**
     * Starts a process and returns once it has been exec'd (or failed to be).
     *
     * @param request what to start
     * @return the process
     * @throws SpawnException when it cannot be started; its message says why, in a user's terms
     */
    Spawned spawn(SpawnRequest request) throws SpawnException;

    /**
     * Checks, when a plugin asks for it in {@code task.exec}, that this launcher can pass a channel
     * to a task.
     *
     * @param channel an open channel of the shell
     * @throws IllegalArgumentException naming what this launcher cannot pass, and why
     */
    void checkInheritable(Channel channel);

    /**
     * Sends a signal to started processes and to what they started, as this launcher arranges it
     * (their process groups where tasks get one, else their process trees).
     *
     * @param processes processes this launcher started
     * @param signal the signal number; values {@code <= 0} are ignored
     */
    void signal(List<? extends Spawned> processes, int signal);
}
