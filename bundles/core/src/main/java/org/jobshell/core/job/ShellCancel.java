package org.jobshell.core.job;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jobshell.core.launch.Signals;

/**
 * Cancelling one shell, as an interrupt does: no more of its tasks start, its running ones get the
 * signal, and after the kill grace period SIGKILL goes to whatever still runs. The job's cancel (a
 * second interrupt, the time limit, the container stopping) cancels every shell; a plugin cancels its
 * own ({@code Shell.cancel}, what the {@code signals} builtin does on SIGINT, SIGTERM and SIGHUP).
 */
final class ShellCancel {

    private final ShellTasks tasks;
    private final ScheduledExecutorService timer;
    private final long graceMillis;
    private ScheduledFuture<?> escalation;
    private boolean ended;

    /**
     * @param tasks the shell's tasks
     * @param timer runs the escalation
     * @param graceMillis from a cancel to SIGKILL
     */
    ShellCancel(ShellTasks tasks, ScheduledExecutorService timer, long graceMillis) {
        this.tasks = tasks;
        this.timer = timer;
        this.graceMillis = graceMillis;
    }

    /** @param signal for the running tasks; no more task starts, and SIGKILL follows after the grace period */
    void cancel(int signal) {
        if (signal <= 0) {
            return;
        }
        tasks.cancel(signal);
        if (signal == Signals.KILL) {
            return;
        }
        synchronized (this) {
            if (escalation == null && !ended) {
                escalation = timer.schedule(() -> tasks.killAll(Signals.KILL), graceMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The shell has ended: the escalation is dropped. */
    synchronized void ended() {
        ended = true;
        if (escalation != null) {
            escalation.cancel(false);
        }
    }
}
