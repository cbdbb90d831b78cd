package org.jobshell.core.spi;

/**
 * What a shell tells the job's leader (shell rank 0) through {@link ShellExchange#toLeader}: only the
 * leader writes the terminal and the eventlogs, and only it follows the tasks of the whole job. Each
 * constant documents its body, a JSON object.
 */
public enum LeaderMessage {
    /** A log message to show and record: {@code {level, message, component?}}. */
    LOG,
    /** An event for an eventlog: {@code {eventlog: "exec"|"output", name, context?}}. */
    EVENT,
    /** A task exited: the task info object {@code {localid, rank, state, pid, wait_status, ...}}. */
    TASK_EXIT,
    /**
     * The shell reached {@code shell.finish}: {@code {}}. The leader offers it to its plugins
     * ({@code shell.finished}); {@code shell.tasks-complete} follows the last one.
     */
    FINISHED
}
