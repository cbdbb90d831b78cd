package org.jobshell.core.job;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A job's time limit: jobspec {@code attributes.system.duration} ({@code jobshell run -t}), which
 * is R's {@code execution.expiration}. When it passes, the job exception {@code timeout} is raised
 * with exit code {@value #EXIT_CODE} (128 + SIGALRM) and the job is cancelled: its tasks get SIGTERM,
 * then SIGKILL after the kill grace period.
 */
final class TimeLimit {

    /** The exit code of a job that reached its time limit. */
    static final int EXIT_CODE = 142;

    private TimeLimit() {
    }

    /**
     * @param timer runs the expiry
     * @param expiration R's expiration, seconds since the epoch; 0 for none
     * @param expire what happens when it passes
     * @return the armed expiry, or null when there is no limit
     */
    static ScheduledFuture<?> arm(ScheduledExecutorService timer, double expiration, Runnable expire) {
        if (expiration <= 0) {
            return null;
        }
        long millis = Math.max(0, Math.round(expiration * 1000) - System.currentTimeMillis());
        return timer.schedule(expire, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * @param limit the time limit as users read it ({@code 5s})
     * @return the job exception's note, and the line the leader shell logs
     */
    static String message(String limit) {
        return "job exceeded its time limit of " + limit;
    }
}
