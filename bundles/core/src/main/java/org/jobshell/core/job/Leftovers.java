package org.jobshell.core.job;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jobshell.core.launch.Orphans;
import org.jobshell.core.spi.TaskLauncher;

/**
 * What one shell's tasks leave behind: once every started task's process has exited, a process they
 * started that still holds a task's output gets a grace period, then is killed (so the task's
 * {@code task.exit} comes); when the shell has ended, whatever still carries the shell's key is killed.
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
     * @param launcher the job's launcher (it starts the janitor on the first job)
     * @param jobId the job
     * @param shellRank this shell
     * @param output whether some task's output has not reached end of file yet
     * @return the key this shell's tasks carry in {@link Orphans#VARIABLE}
     */
    synchronized String open(TaskLauncher launcher, String jobId, int shellRank, BooleanSupplier output) {
        key = orphans.open(launcher, jobId, shellRank);
        outputOpen = output;
        return key;
    }

    /** A task is about to start: the janitor, started at {@link #open}, must run by then. */
    void beforeStart() {
        boolean first;
        synchronized (this) {
            first = started == 0;
        }
        if (first) {
            orphans.awaitJanitor();
        }
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

    /**
     * The shell ends: nothing its tasks started survives it. The sweep runs on the timer, off the
     * job's path; when the container exits before it is done, the janitor makes it.
     */
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
            try {
                timer.execute(() -> orphans.close(k));
            } catch (RejectedExecutionException e) {
                orphans.close(k); // the container is stopping
            }
        }
    }
}
