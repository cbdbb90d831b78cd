package org.jobshell.api;

import org.osgi.annotation.versioning.ProviderType;

/** One task (user process) of this shell. */
@ProviderType
public interface Task {

    /** @return the task's rank in the job (0 .. total tasks - 1) */
    int rank();

    /** @return the task's index among this shell's tasks */
    int localId();

    /** @return the state */
    TaskState state();

    /** @return the process id once started, else -1 */
    long pid();

    /**
     * @return the exit code once {@link TaskState#EXITED}: the exit status, or 128 + signal when a
     *     signal killed it; -1 before
     */
    int exitCode();

    /** @return the raw wait(2) status once exited, else -1 */
    int waitStatus();

    /** @return the signal that killed the task, or 0 */
    int signal();

    /**
     * @return what the launcher will spawn; it may be changed in {@code task.init} and
     *     {@code task.exec}, and is fixed once the task started
     */
    Launch launch();

    /**
     * Receives this task's output on one stream. Each stream has at most one listener (the
     * {@code output} plugin normally); output nobody listens to is read and dropped.
     *
     * @param stream the stream
     * @param listener the listener, called on an I/O thread; guarded like a handler (a listener that
     *     throws or overruns the watchdog is dropped, naming the plugin)
     * @throws IllegalStateException if the stream already has a listener, the task started, or the
     *     call does not come from a plugin callback on the shell's thread
     */
    void subscribe(TaskStream stream, OutputListener listener);

    /**
     * Sends a signal to the task and to what it started: its process group where the launcher gives
     * each task one, else every descendant found in the process table at the call.
     *
     * @param signal the signal number
     * @return whether the signal was sent (false if the task is not running)
     */
    boolean kill(int signal);
}
