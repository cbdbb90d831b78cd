package org.jobshell.core.job;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.jobshell.core.launch.Signals;
import org.jobshell.core.spi.ShellExchange;

/**
 * How a job is stopped from outside its shells: a kill (asked of the container's {@code job.killing}
 * guard first), a cancel (no more tasks start; SIGKILL follows after the kill grace period), and the
 * time limit ({@link TimeLimit}). Its timers are dropped when the job has ended.
 */
final class JobStops {

    private final ShellExchange exchange;
    private final ScheduledExecutorService timer;
    private final long killGraceMillis;
    private volatile IntConsumer guard = signal -> { };
    private volatile boolean stopped;
    private boolean ended;
    private ScheduledFuture<?> escalation;
    private ScheduledFuture<?> timeLimit;

    /**
     * @param exchange reaches every shell of the job
     * @param timer runs the escalation and the time limit
     * @param killGraceMillis from a cancel to SIGKILL
     */
    JobStops(ShellExchange exchange, ScheduledExecutorService timer, long killGraceMillis) {
        this.exchange = exchange;
        this.timer = timer;
        this.killGraceMillis = killGraceMillis;
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

    /** @param signal the job is cancelled: no more tasks start, the running ones get it, then SIGKILL */
    void cancel(int signal) {
        stopped = true;
        exchange.cancel(signal);
        if (signal == Signals.KILL) {
            return;
        }
        synchronized (this) {
            if (escalation == null && !ended) {
                escalation = timer.schedule(() -> exchange.kill(Signals.KILL), killGraceMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * @param expiration R's expiration, 0 for none
     * @param expire what the time limit does when it passes
     */
    synchronized void timeLimit(double expiration, Runnable expire) {
        timeLimit = TimeLimit.arm(timer, expiration, expire);
    }

    /** @return whether a kill or a cancel reached the job */
    boolean stopped() {
        return stopped;
    }

    /** The job has ended: the timers are dropped. */
    synchronized void ended() {
        ended = true;
        if (escalation != null) {
            escalation.cancel(false);
        }
        if (timeLimit != null) {
            timeLimit.cancel(false);
        }
    }
}
