package org.jobshell.core.container;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small bounded executor of the asynchronous container topics: {@value #THREADS} daemon threads
 * and at most {@value #QUEUE} jobs waiting for one; a job's calls run in order on one thread at a time
 * ({@link JobQueue}).
 */
final class JobTopics {

    static final int THREADS = 2;
    static final int QUEUE = 10_000;

    private final ContainerOwner owner;
    private final ThreadPoolExecutor executor;

    JobTopics(ContainerOwner owner) {
        this.owner = owner;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "jobshell-container-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    JobQueue queue(String jobId, JobQueue.Call call) {
        return new JobQueue(jobId, executor, executor::isShutdown, call, owner);
    }

    /** Stops taking calls; waits at most {@code graceMillis} for the queued ones, then gives up on them. */
    void close(long graceMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                int running = executor.getActiveCount();
                int queued = executor.shutdownNow().size();
                if (running + queued > 0) {
                    owner.log("warning: at shutdown, " + running + " container topic call(s) still running and "
                            + queued + " job(s) queued: not waited for");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
