package org.jobshell.api;

/**
 * Names of the topics the core calls on every plugin stack, in the order of a shell's lifecycle.
 * See docs/PLUGINS.md for what each one may do and what a failure means.
 */
public final class Topics {

    /** After the tasks are created, before any is started. A failure fails the job. */
    public static final String SHELL_INIT = "shell.init";
    /** After every shell of the job finished {@code shell.init}. A failure fails the job. */
    public static final String SHELL_POST_INIT = "shell.post-init";
    /** Per task, before it is started; its command may be changed. A failure fails the job. */
    public static final String TASK_INIT = "task.init";
    /**
     * Per task, right before the spawn: describes changes the launcher applies to the task
     * (environment, working directory, CPU set, argv wrapper, inherited descriptors). Failures are
     * logged and the task starts anyway.
     */
    public static final String TASK_EXEC = "task.exec";
    /** Per task, after it started; its pid is known. A failure fails the job. */
    public static final String TASK_FORK = "task.fork";
    /** After every local task started. A failure fails the job. */
    public static final String SHELL_START = "shell.start";
    /** Per task, after it exited and its output reached end of file. Failures are logged. */
    public static final String TASK_EXIT = "task.exit";
    /** Once, after the last local task's {@code task.exit}. Failures are logged. */
    public static final String SHELL_FINISH = "shell.finish";
    /**
     * On the leader (shell rank 0) only, once every shell of the job reached {@code shell.finish}.
     * Failures are logged.
     */
    public static final String SHELL_TASKS_COMPLETE = "shell.tasks-complete";
    /** Last: the shell is ending. Failures make the shell's exit code at least 1. */
    public static final String SHELL_EXIT = "shell.exit";
    /**
     * Every log message, IN {@code {rank, level, message, component?}}; not re-entrant (messages logged
     * inside a {@code shell.log} handler are not dispatched again). A failure is reported on stderr as
     * {@code log failure: <message>}.
     */
    public static final String SHELL_LOG = "shell.log";

    private Topics() {
    }
}
