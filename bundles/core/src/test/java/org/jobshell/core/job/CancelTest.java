package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jobshell.api.TaskStream;
import org.jobshell.api.Topics;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a job (what SIGINT or SIGTERM to {@code jobshell run} does, through the signals
 * builtin's {@code Shell.cancel}) stops the launch wherever it is, signals what started, kills what
 * ignores the signal after the grace period, and the job exits {@code 128 + signal}.
 */
class CancelTest extends JobHarnessTestBase {

    private static final int SIGTERM = 15;

    @Test
    void aCancelDuringTheLaunchStartsNoMoreTasksAndExits143() throws Exception {
        Set<Integer> forked = stopDuringTheLaunch(job -> job.cancel(SIGTERM));
        assertTrue(forked.size() <= 6 && forked.containsAll(Set.of(0, 1, 2, 3, 4)), "tasks started: " + forked);
    }

    @Test
    void aSignalAPluginCancelsOnDuringTheLaunchActsBeforeTheNextTaskStarts() throws Exception {
        harness.plugin("canceller", 33, false, p -> p.handle(Topics.SHELL_SIGNAL, (s, t, a) -> {
            s.cancel(a.in().path("signum").asInt());
            a.markHandled();
        }));
        assertEquals(Set.of(0, 1, 2, 3, 4, 5), stopDuringTheLaunch(job -> job.signal(SIGTERM)));
    }

    /**
     * Starts 20 tasks and stops the job while task 5 is in {@code task.init}; the job exits 143.
     *
     * @param stop how the job is stopped
     * @return the tasks that started
     */
    private Set<Integer> stopDuringTheLaunch(Consumer<JobRun> stop) throws InterruptedException {
        CountDownLatch atRankFive = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Set<Integer> forked = ConcurrentHashMap.newKeySet();
        harness.plugin("gate", 50, false, p -> {
            p.handle("task.init", (s, t, a) -> {
                if (s.currentTask().rank() == 5) {
                    atRankFive.countDown();
                    assertTrue(stopped.await(60, TimeUnit.SECONDS));
                }
            });
            p.handle("task.fork", (s, t, a) -> forked.add(s.currentTask().rank()));
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JobRun job = harness.start(jobspec(20, 1, "sleep", "300"), out, err);
        assertTrue(atRankFive.await(60, TimeUnit.SECONDS));
        stop.accept(job);
        stopped.countDown();
        JobHarness.Result r = harness.await(job, out, err);
        assertEquals(143, r.exitCode(), r.stderr());
        return forked;
    }

    @Test
    void aCancelBeforeAnyTaskStartedStillExitsWithTheSignal() throws Exception {
        CountDownLatch inInit = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        harness.plugin("gate", 50, false, p -> p.handle("shell.init", (s, t, a) -> {
            inInit.countDown();
            assertTrue(cancelled.await(60, TimeUnit.SECONDS));
        }));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JobRun job = harness.start(jobspec(3, 1, "echo", "must not run"), out, err);
        assertTrue(inInit.await(60, TimeUnit.SECONDS));
        job.cancel(2);
        cancelled.countDown();
        JobHarness.Result r = harness.await(job, out, err);
        assertEquals(130, r.exitCode());
        assertEquals("", r.stdout() + harness.taskOutput(0, TaskStream.STDOUT));
    }

    @Test
    void aTaskThatIgnoresTheSignalIsKilledAfterTheGracePeriod() {
        harness.killGraceMillis(200);
        harness.plugin("canceller", 50, false, p -> p.handle("task.exit", (s, t, a) -> { }));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the shell ignores TERM, and so does the sleep it execs: only SIGKILL ends it
        JobRun job = harness.start(jobspec(2, 1, "sh", "-c", "trap '' TERM; echo up; exec sleep 300"), out, err);
        harness.awaitOutput(0, "up\n");
        harness.awaitOutput(1, "up\n");
        job.cancel(SIGTERM);
        JobHarness.Result r = harness.await(job, out, err);
        assertEquals(137, r.exitCode());
        assertEquals(List.of(), r.errorLines());
    }
}
