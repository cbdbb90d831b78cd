package org.jobshell.core.job;

import org.jobshell.api.ShellException;
import org.jobshell.core.spi.TaskLauncher;

/**
 * The core's settings (configuration PID {@value JobServiceImpl#PID}, else framework properties
 * {@code jobshell.<name>}, else the defaults), read and checked together.
 *
 * @param warnMillis the watchdog's warning
 * @param failMillis the watchdog's limit
 * @param times how long jobs wait for their tasks
 * @param launcher the launcher every job uses, or empty for the ranking's choice
 * @param limits the largest jobs taken
 * @param pollSeconds seconds between two {@code job.polling} calls
 * @param drainMillis at shutdown, how long queued container topic calls may take
 */
record CoreSettings(long warnMillis, long failMillis, JobTimes times, String launcher, JobLimits limits,
        int pollSeconds, long drainMillis) {

    /** Property: the var directory (jobs live in var/jobs). */
    static final String VAR_DIR = "var.dir";
    /** Property: warn when a plugin callback runs longer than this many ms (0: never). */
    static final String WATCHDOG_WARN = "watchdog.warn.ms";
    /** Property: deny-list and interrupt a plugin callback that runs longer than this many ms (0: never). */
    static final String WATCHDOG_FAIL = "watchdog.fail.ms";
    /** Property: after a cancel (SIGINT, SIGTERM), how long tasks may take to end before SIGKILL. */
    static final String KILL_GRACE = "kill.grace.ms";
    /** Property: after a shell's last task exited, how long what it started may hold its output (ms). */
    static final String ORPHAN_GRACE = "orphan.grace.ms";
    /** Property: seconds between two {@code job.polling} calls of a running job (0: none). */
    static final String POLL_INTERVAL = "job.poll-interval";
    /** Property: at shutdown, how long queued container topic calls may take (ms). */
    static final String CONTAINER_DRAIN = "container.drain.ms";
    /** Property: the launcher jobs use, by its {@value TaskLauncher#NAME} (empty: the highest-ranked). */
    static final String LAUNCHER = "launcher";

    static final long DEFAULT_WARN_MS = 10_000;
    static final long DEFAULT_FAIL_MS = 300_000;
    private static final long DEFAULT_KILL_GRACE_MS = 5_000;
    private static final long DEFAULT_ORPHAN_GRACE_MS = 1_000;

    /**
     * @param settings where they come from
     * @return them, checked
     * @throws ShellException naming the first bad setting
     */
    static CoreSettings of(Settings settings) {
        return new CoreSettings(settings.millis(WATCHDOG_WARN, DEFAULT_WARN_MS), settings.millis(WATCHDOG_FAIL, DEFAULT_FAIL_MS),
                new JobTimes(ShellLoop.DRAIN_MILLIS, settings.millis(KILL_GRACE, DEFAULT_KILL_GRACE_MS),
                        settings.millis(ORPHAN_GRACE, DEFAULT_ORPHAN_GRACE_MS)),
                settings.get(LAUNCHER, ""), JobLimits.of(settings), settings.positiveInt(POLL_INTERVAL, 10),
                settings.millis(CONTAINER_DRAIN, 1_000));
    }
}
