package org.jobshell.bench.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobshell.core.launch.ProcessBuilderLauncher;
import org.jobshell.core.spi.SpawnException;
import org.jobshell.core.spi.SpawnRequest;
import org.jobshell.core.spi.TaskLauncher;

/**
 * Launches a batch of N tasks through one {@link TaskLauncher}, from the calling thread
 * and {@code threads - 1} more, with at most {@code inflight} tasks alive, and waits until all have finished.
 */
final class JavaLaunch {

    /**
     * What one batch measured.
     *
     * @param wallNanos from before the first spawn until every task finished
     * @param lines lines read
     * @param failures tasks that failed to start or exited non-zero
     * @param fdsAtEndOfLaunch the JVM's open descriptors right after the last spawn (when asked)
     */
    record Outcome(long wallNanos, long lines, int failures, int fdsAtEndOfLaunch) {
    }

    private final TaskLauncher launcher;
    private final Map<String, String> environment = Map.copyOf(System.getenv());
    private final Path cwd = Path.of("").toAbsolutePath();

    /** @param launcher the launcher under test */
    JavaLaunch(TaskLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * @param workload what the tasks run
     * @param n tasks
     * @param inflight most tasks alive at once
     * @param threads launching threads
     * @param countFds whether to count descriptors after the last spawn (not in timed rounds)
     * @return what was measured
     */
    Outcome run(Workload workload, int n, int inflight, int threads, boolean countFds) {
        Batch batch = new Batch(n, inflight);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        Thread[] helpers = new Thread[Math.max(0, threads - 1)];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(() -> launchAll(batch, workload, n, next), "bench-launch-" + t);
            helpers[t].start();
        }
        launchAll(batch, workload, n, next);
        for (Thread t : helpers) {
            join(t);
        }
        int fds = countFds ? ProcessBuilderLauncher.openDescriptors() : -1;
        batch.await();
        long wall = System.nanoTime() - t0;
        return new Outcome(wall, batch.lines(), batch.failures(), fds);
    }

    private void launchAll(Batch batch, Workload workload, int n, AtomicInteger next) {
        int i;
        while ((i = next.getAndIncrement()) < n) {
            batch.acquireSlot();
            SpawnRequest request = new SpawnRequest(workload.argv(i), environment, cwd, null, List.of(),
                    batch.newTask());
            try {
                launcher.spawn(request);
            } catch (SpawnException e) {
                batch.spawnFailed();
            }
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while launching", e);
        }
    }
}
