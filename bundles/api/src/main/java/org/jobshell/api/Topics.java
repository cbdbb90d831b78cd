package org.jobshell.api;

/**
 * Names of the topics the core calls on every plugin stack, in the order of a shell's lifecycle, and
 * of the container-level topics (around whole jobs) the container's own stack calls. See
 * docs/PLUGINS.md for what each one may do and what a failure means.
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

    /**
     * Container level: once per plugin when it joins the container's stack (at the container's start,
     * or when it is deployed later), IN {@code {}}. Failures are logged.
     *
     * @since 1.2
     */
    public static final String CONTAINER_INIT = "container.init";
    /**
     * Container level: once, when the container stops, in stack order. Failures are logged.
     *
     * @since 1.2
     */
    public static final String CONTAINER_SHUTDOWN = "container.shutdown";
    /**
     * Container level, synchronous and vetoable ({@link Args#veto}): a job is about to start, IN the
     * job ({@code id, owner, uid, jobspec: {ntasks, nnodes, command, cwd, options}}). A veto, or a failure
     * of a plugin that is not optional, refuses the job: it does not start, and its submitter is told
     * which plugin refused it and why.
     *
     * @since 1.2
     */
    public static final String JOB_SUBMITTING = "job.submitting";
    /**
     * Container level, asynchronous: a job was accepted (after {@link #JOB_SUBMITTING}), IN the job.
     *
     * @since 1.2
     */
    public static final String JOB_SUBMITTED = "job.submitted";
    /**
     * Container level, asynchronous: a job's shells are started, IN the job.
     *
     * @since 1.2
     */
    public static final String JOB_STARTED = "job.started";
    /**
     * Container level, asynchronous: every {@code job.poll-interval} seconds while a job runs, IN the
     * job, {@code count} (1, 2, ...) and {@code pids} (the job's running tasks).
     *
     * @since 1.2
     */
    public static final String JOB_POLLING = "job.polling";
    /**
     * Container level, synchronous and vetoable ({@link Args#veto}): someone asked to send a signal to a
     * job ({@code jobshell kill}), IN the job and {@code signal}. A veto, or a failure of a plugin that is
     * not optional, refuses it: no task gets the signal.
     *
     * @since 1.2
     */
    public static final String JOB_KILLING = "job.killing";
    /**
     * Container level, asynchronous: a job that was killed ended with a non-zero exit code, IN the job,
     * {@code exitcode} and {@code runtime} (seconds).
     *
     * @since 1.2
     */
    public static final String JOB_KILLED = "job.killed";
    /**
     * Container level, asynchronous: a job ended with a non-zero exit code, IN as {@link #JOB_KILLED}.
     *
     * @since 1.2
     */
    public static final String JOB_FAILED = "job.failed";
    /**
     * Container level, asynchronous: a job ended with exit code 0, IN as {@link #JOB_KILLED}.
     *
     * @since 1.2
     */
    public static final String JOB_SUCCEEDED = "job.succeeded";

    private Topics() {
    }
}
