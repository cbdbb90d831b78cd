package org.jobshell.api;

/** The states of a task, in order. */
public enum TaskState {
    /** Created, not started; {@code task.init} runs here. */
    INIT,
    /** Being started; {@code task.exec} runs here. */
    EXEC,
    /** Started; {@code task.fork} runs here. */
    RUNNING,
    /** Exited (or killed); {@code task.exit} runs here. */
    EXITED,
    /** Could not be started. */
    FAILED
}
