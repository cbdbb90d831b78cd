package org.jobshell.bench.launch;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's own floor for the same batch: a bare {@link ProcessBuilder} per task, output discarded
 * by the JDK ({@code Redirect.DISCARD}, so no pipes and nothing read), exit seen through
 * {@code onExit()}, from the same launching threads and in-flight limit as {@link JavaLaunch}.
 * The gap between the two is what the launcher itself adds (pipes, selector, redirects).
 */
final class BareLaunch {

    private static final File DEV_NULL = new File("/dev/null");

    private final Map<String, String> environment = Map.copyOf(System.getenv());

    /**
     * @param workload what the tasks run
     * @param n tasks
     * @param inflight most tasks alive at once
     * @param threads launching threads
     * @return the wall time in nanoseconds, from the first start until every task has exited
     */
    long run(Workload workload, int n, int inflight, int threads) {
        Batch batch = new Batch(n, inflight);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        Thread[] launchers = new Thread[Math.max(0, threads - 1)];
        for (int t = 0; t < launchers.length; t++) {
            launchers[t] = new Thread(() -> launchAll(batch, workload, n, next), "bench-bare-" + t);
            launchers[t].start();
        }
        launchAll(batch, workload, n, next);
        for (Thread t : launchers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while launching", e);
            }
        }
        batch.await();
        long wall = System.nanoTime() - t0;
        if (batch.failures() != 0) {
            throw new IllegalStateException("bare ProcessBuilder: " + batch.failures() + " failures");
        }
        return wall;
    }

    private void launchAll(Batch batch, Workload workload, int n, AtomicInteger next) {
        int i;
        while ((i = next.getAndIncrement()) < n) {
            batch.acquireSlot();
            ProcessBuilder pb = new ProcessBuilder(workload.argv(i));
            pb.environment().clear();
            pb.environment().putAll(environment);
            pb.redirectInput(DEV_NULL);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            try {
                pb.start().onExit().thenAccept(p -> batch.exitedWithoutStreams(p.exitValue()));
            } catch (IOException e) {
                batch.spawnFailed();
            }
        }
    }
}
