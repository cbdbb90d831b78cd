package org.jobshell.core.launch;

/**
 * Starts task processes. Implementations read output without a thread per stream and never leak
 * the container's descriptors or environment into tasks.
 */
public interface TaskLauncher extends AutoCloseable {

    /**
     * Starts a process and returns once it has been exec'd (or failed to be).
     *
     * @param request what to start
     * @return the process
     * @throws SpawnException when it cannot be started
     */
    Spawned spawn(SpawnRequest request) throws SpawnException;

    /** Stops the I/O thread. */
    @Override
    void close();
}
