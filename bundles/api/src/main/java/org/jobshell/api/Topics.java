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
     * On the leader (shell rank 0) only, once every shell of the job reached {@code shell.finish}
     * ({@link #SHELL_FINISHED}). Failures are logged.
     */
    public static final String SHELL_TASKS_COMPLETE = "shell.tasks-complete";
    /** Last: the shell is ending. Failures make the shell's exit code at least 1. */
    public static final String SHELL_EXIT = "shell.exit";
    /**
     * Every log message, IN {@code {rank, level, message, component?}}; not re-entrant (messages logged
     * inside a {@code shell.log} handler are not dispatched again). The {@code evlog} builtin shows and
     * records the messages up to its level ({@link Shell#recordLog}); a plugin that takes care of a
     * message sets OUT {@value Args#HANDLED}. A message no plugin took, or that could not be offered
     * (logged on another thread, before the plugins attached, inside a {@code shell.log} handler), is
     * shown and recorded by the core up to the job's level. A failure is reported on stderr as
     * {@code log failure: <message>}.
     */
    public static final String SHELL_LOG = "shell.log";
    /**
     * A log level is set for a destination of the shell log, IN {@code {dest, level}} ({@code dest}
     * {@code any}, {@code eventlog}, ...; {@code level} a syslog severity, NOTICE being the default).
     * The core calls it once, right after the plugins attached, when the job asks for more ({@code -v}:
     * {@code {dest: "any", level: 6}}, {@code -vv}: 7); the {@code evlog} builtin takes it. Failures are
     * logged.
     *
     * @since 1.3
     */
    public static final String SHELL_LOG_SETLEVEL = "shell.log-setlevel";
    /**
     * Someone asked for a signal to every task of the job ({@code jobshell kill}, {@code Job.kill}),
     * IN {@code {signum}}: called on every shell, on its own thread, between two task starts or from
     * its main loop. The {@code kill_event_handler} builtin sends it to the shell's tasks; a plugin that
     * takes care of it sets OUT {@value Args#HANDLED}. When none does, the core sends it to the shell's
     * tasks itself. SIGKILL is never asked of the plugins: it always reaches the tasks. Failures are
     * logged.
     *
     * @since 1.3
     */
    public static final String SHELL_KILL = "shell.kill";
    /**
     * The job received a signal (one sent to {@code jobshell run}, or passed on by its client), IN
     * {@code {signum}}: called on every shell as {@link #SHELL_KILL} is. The {@code signals} builtin
     * cancels the shell on SIGINT, SIGTERM and SIGHUP ({@link Shell#cancel}) and sends any other signal
     * to the shell's tasks; a plugin that takes care of it sets OUT {@value Args#HANDLED}. When none
     * does, the core sends it to the shell's tasks. Failures are logged.
     *
     * @since 1.3
     */
    public static final String SHELL_SIGNAL = "shell.signal";
    /**
     * On the leader (shell rank 0) only: a shell of the job reached {@code shell.finish} (the leader's
     * own included), IN {@code {shell_rank}}. The {@code tasks-complete} builtin calls
     * {@link #SHELL_TASKS_COMPLETE} once every shell has, from an action it queues ({@link Shell#execute}),
     * so that every plugin sees the last report first. If no plugin has called it once the last report
     * and the actions queued meanwhile are done, the core calls it: a job never waits for a plugin that
     * does not answer. Failures are logged.
     *
     * @since 1.3
     */
    public static final String SHELL_FINISHED = "shell.finished";

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
