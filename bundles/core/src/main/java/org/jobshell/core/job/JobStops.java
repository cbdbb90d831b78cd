package org.jobshell.core.job;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.IntConsumer;
import org.jobshell.core.spi.ShellExchange;

/**
 * How a job is stopped from outside its shells: a kill (asked of the container's {@code job.killing}
 * guard first, then of each shell's plugins), a signal the job received (each shell's plugins decide),
 * a cancel (every shell is cancelled: no more tasks start, SIGKILL follows after the kill grace period),
 * and the time limit ({@link TimeLimit}). Its timer is dropped when the job has ended.
 */
final class JobStops {

    private final ShellExchange exchange;
    private final ScheduledExecutorService timer;
    private volatile IntConsumer guard = signal -> { };
    private volatile boolean stopped;
    private ScheduledFuture<?> timeLimit;

    /**
     * @param exchange reaches every shell of the job
     * @param timer runs the time limit
     */
    JobStops(ShellExchange exchange, ScheduledExecutorService timer) {
        this.exchange = exchange;
        this.timer = timer;
    }

    /** @param guard asked before each {@link #kill}: throws to refuse it ({@code job.killing}) */
    void guard(IntConsumer guard) {
        this.guard = guard;
    }

    /** @param signal for every task of the job, once the guard let it through */
    void kill(int signal) {
        guard.accept(signal);
        stopped = true;
        exchange.kill(signal);
    }

    /** The job received a signal: whatever its plugins make of it, it counts as stopped from outside. */
    void signalled() {
        stopped = true;
    }

    /** @param signal the job is cancelled: no more tasks start, the running ones get it, then SIGKILL */
    void cancel(int signal) {
        stopped = true;
        exchange.cancel(signal);
    }

    /**
     * @param expiration R's expiration, 0 for none
     * @param expire what the time limit does when it passes
     */
    synchronized void timeLimit(double expiration, Runnable expire) {
        timeLimit = TimeLimit.arm(timer, expiration, expire);
    }

    /** @return whether a kill, a signal or a cancel reached the job */
    boolean stopped() {
        return stopped;
    }

    /** The job has ended: the time limit is dropped. */
    synchronized void ended() {
        if (timeLimit != null) {
            timeLimit.cancel(false);
        }
    }
}
