package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobshell.api.TaskStream;
import org.jobshell.api.Topics;
import org.junit.jupiter.api.Test;

/**
 * Kill requests and received signals as seams (the kill_event_handler and signals builtins'): each is
 * offered to every shell's plugins, on the shell's thread; one no plugin marks handled goes to the
 * tasks as it is, and the job goes on; SIGKILL is never offered.
 */
class RequestsTest extends JobHarnessTestBase {

    private static final int SIGUSR1 = 10;
    private static final int SIGUSR2 = 12;
    private static final int SIGTERM = 15;

    /**
     * Prints "up", waits for SIGUSR1, then goes on for the given seconds and ends with 0. (Not SIGINT:
     * a shell started in the background of another may ignore it, and then cannot trap it.)
     */
    private static final String OUTLIVES_SIGUSR1 = "trap 'echo got USR1; n=1' USR1; echo up;"
            + " while [ -z \"$n\" ]; do sleep 0.05; done; sleep %s; echo done";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aKillAPluginHandlesIsThatPluginsToDeliver() {
        harness.plugin("site-kill", 30, false, p -> p.handle(Topics.SHELL_KILL, (s, t, a) -> {
            s.killAll(a.in().path("signum").asInt() == SIGUSR1 ? SIGUSR2 : a.in().path("signum").asInt());
            a.markHandled();
        }));
        JobRun job = harness.start(jobspec(2, 2, "sh", "-c", "trap 'echo got USR1; exit 1' USR1;"
                + " trap 'echo got USR2; exit 0' USR2; echo up; while :; do sleep 0.05; done"), out, err);
        harness.awaitOutput(0, "up\n");
        harness.awaitOutput(1, "up\n");
        job.kill(SIGUSR1);
        JobHarness.Result r = harness.await(job, out, err);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("up\ngot USR2\n", harness.taskOutput(0, TaskStream.STDOUT));
        assertEquals("up\ngot USR2\n", harness.taskOutput(1, TaskStream.STDOUT));
    }

    @Test
    void sigkillIsNeverOfferedToThePlugins() {
        List<String> offered = new CopyOnWriteArrayList<>();
        harness.plugin("deaf", 30, false, p -> p.handle(Topics.SHELL_KILL, (s, t, a) -> {
            offered.add(a.in().toString());
            a.markHandled(); // and sends nothing
        }));
        JobRun job = harness.start(jobspec(1, 1, "sh", "-c", "echo up; exec sleep 300"), out, err);
        harness.awaitOutput(0, "up\n");
        job.kill(SIGTERM);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (offered.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the kill was never offered");
            Thread.onSpinWait();
        }
        job.kill(9);
        JobHarness.Result r = harness.await(job, out, err);
        assertEquals(137, r.exitCode(), r.stderr());
        assertEquals(List.of("{\"signum\":15}"), offered);
    }

    @Test
    void aSignalNoPluginTakesGoesToTheTasksAndTheJobGoesOn() {
        JobHarness.Result r = signalledOnce("0.5");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("up\ngot USR1\ndone\n", harness.taskOutput(0, TaskStream.STDOUT));
    }

    @Test
    void aPluginThatCancelsOnASignalEndsTheShellAfterTheGracePeriod() {
        harness.plugin("canceller", 33, false, p -> p.handle(Topics.SHELL_SIGNAL, (s, t, a) -> {
            s.cancel(a.in().path("signum").asInt());
            a.markHandled();
        }));
        JobHarness.Result r = signalledOnce("30"); // far beyond the grace period, under load too
        assertEquals(137, r.exitCode(), r.stderr());
        assertEquals("up\ngot USR1\n", harness.taskOutput(0, TaskStream.STDOUT));
    }

    @Test
    void aSignalSentWhileTheTasksStartReachesTheTasksStartedAfterIt() {
        // the signal plugin's timer may fire before a task is up (a limit close at hand, a slow start):
        // it must not be lost for the tasks that start after it
        AtomicBoolean sent = new AtomicBoolean();
        harness.plugin("early", 30, false, p -> p.handle(Topics.TASK_INIT, (s, t, a) -> {
            if (s.currentTask().rank() == 1 && sent.compareAndSet(false, true)) {
                s.killAll(SIGTERM);
            }
        }));
        JobRun job = harness.start(jobspec(3, 1, "sleep", "300"), out, err);
        JobHarness.Result r = harness.await(job, out, err);
        assertEquals(143, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
    }

    /**
     * Runs {@link #OUTLIVES_SIGUSR1} with a kill grace period of 200 ms, signalling the job once it is up.
     *
     * @param seconds how long the task goes on after the signal
     */
    private JobHarness.Result signalledOnce(String seconds) {
        harness.killGraceMillis(200);
        JobRun job = harness.start(jobspec(1, 1, "sh", "-c", String.format(OUTLIVES_SIGUSR1, seconds)), out, err);
        harness.awaitOutput(0, "up\n");
        job.signal(SIGUSR1);
        return harness.await(job, out, err);
    }
}
