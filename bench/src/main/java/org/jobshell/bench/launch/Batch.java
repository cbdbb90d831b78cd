package org.jobshell.bench.launch;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.ExitStatus;
import org.jobshell.core.spi.ProcessObserver;

/**
 * The shared state of one batch of tasks: a task is finished once it has exited and both of its
 * streams reached end of file (as in the C harness); then its in-flight slot is freed.
 */
final class Batch {

    private final Semaphore slots;
    private final CountDownLatch done;
    private final LongAdder lines = new LongAdder();
    private final AtomicInteger failures = new AtomicInteger();

    /**
     * @param tasks tasks in the batch
     * @param inflight most tasks alive at once
     */
    Batch(int tasks, int inflight) {
        this.slots = new Semaphore(inflight);
        this.done = new CountDownLatch(tasks);
    }

    /** Waits for an in-flight slot. */
    void acquireSlot() {
        slots.acquireUninterruptibly();
    }

    /** @return an observer for one task */
    ProcessObserver newTask() {
        return new TaskObserver();
    }

    /**
     * Finishes a task that has no streams to wait for (the bare ProcessBuilder reference).
     *
     * @param exitValue its exit status
     */
    void exitedWithoutStreams(int exitValue) {
        if (exitValue != 0) {
            failures.incrementAndGet();
        }
        finished();
    }

    /** Counts a task that could not start. */
    void spawnFailed() {
        failures.incrementAndGet();
        finished();
    }

    /** Waits until every task has finished. */
    void await() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for tasks", e);
        }
    }

    /** @return lines read from all tasks */
    long lines() {
        return lines.sum();
    }

    /** @return tasks that failed to start or exited non-zero */
    int failures() {
        return failures.get();
    }

    private void finished() {
        slots.release();
        done.countDown();
    }

    /** One task's observer: counts newline bytes, and finishes the task at its third event. */
    private final class TaskObserver implements ProcessObserver {
        private final AtomicInteger pending = new AtomicInteger(3);

        @Override
        public void data(TaskStream stream, ByteBuffer data) {
            int n = 0;
            for (int i = data.position(); i < data.limit(); i++) {
                if (data.get(i) == '\n') {
                    n++;
                }
            }
            lines.add(n);
        }

        @Override
        public void eof(TaskStream stream) {
            step();
        }

        @Override
        public void exited(ExitStatus status) {
            if (status.exitCode() != 0) {
                failures.incrementAndGet();
            }
            step();
        }

        private void step() {
            if (pending.decrementAndGet() == 0) {
                finished();
            }
        }
    }
}
