package org.jobshell.core.job;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jobshell.core.launch.Orphans;

/**
 * What one shell's tasks leave behind: once every started task's process has exited, a process they
 * started that still holds a task's output gets a grace period, then is killed (so the task's
 * {@code task.exit} comes); when the shell ends, whatever still carries the shell's key is killed.
 * Thread-safe: exits are reported from the launcher's threads.
 */
final class Leftovers {

    private final Orphans orphans;
    private final ScheduledExecutorService timer;
    private final long graceMillis;
    private String key;
    private int started;
    private int exited;
    private boolean startsDone;
    private BooleanSupplier outputOpen = () -> false;
    private ScheduledFuture<?> pending;

    /**
     * @param orphans finds and kills processes by key
     * @param timer runs the kill after the grace period
     * @param graceMillis how long a process holding a task's output may outlive the last task
     */
    Leftovers(Orphans orphans, ScheduledExecutorService timer, long graceMillis) {
        this.orphans = orphans;
        this.timer = timer;
        this.graceMillis = graceMillis;
    }

    /**
     * @param jobId the job
     * @param shellRank this shell
     * @param output whether some task's output has not reached end of file yet
     * @return the key this shell's tasks carry in {@link Orphans#VARIABLE}
     */
    synchronized String open(String jobId, int shellRank, BooleanSupplier output) {
        key = orphans.open(jobId, shellRank);
        outputOpen = output;
        return key;
    }

    /** A task's process was started. */
    synchronized void started() {
        started++;
    }

    /** No more task will be started. */
    synchronized void startsDone() {
        startsDone = true;
        check();
    }

    /** A task's process exited. */
    synchronized void exited() {
        exited++;
        check();
    }

    private void check() {
        if (startsDone && exited >= started && started > 0 && pending == null && key != null) {
            String k = key;
            pending = timer.schedule(() -> {
                if (outputOpen.getAsBoolean()) {
                    orphans.kill(k);
                }
            }, graceMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** The shell ends: nothing its tasks started survives it. */
    void close() {
        String k;
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
            k = key;
            key = null;
        }
        if (k != null) {
            orphans.close(k);
        }
    }
}
