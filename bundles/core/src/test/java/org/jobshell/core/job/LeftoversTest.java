package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jobshell.api.TaskStream;
import org.junit.jupiter.api.Test;

/** No process a task started outlives the job: not one holding its output, not one that left it. */
class LeftoversTest extends JobHarnessTestBase {

    @Test
    void aBackgroundChildHoldingTheOutputIsKilledAfterTheGraceAndTheJobEnds() throws Exception {
        Path pidFile = var.resolve("bg.pid");
        JobHarness.Result r = harness.run(jobspec(2, 1, "sh", "-c",
                "(sleep 300 & echo $! >> " + pidFile + "); echo started"));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("started\n", harness.taskOutput(0, TaskStream.STDOUT));
        assertNoneAlive(pidFile, 2);
    }

    @Test
    void aDaemonThatLeftTheOutputAndTheSessionDoesNotOutliveTheJob() throws Exception {
        Path pidFile = var.resolve("daemon.pid");
        JobHarness.Result r = harness.run(jobspec(1, 1, "sh", "-c",
                "setsid sh -c 'echo $$ > " + pidFile + "; exec sleep 300' </dev/null >/dev/null 2>&1 & "
                        + "while [ ! -s " + pidFile + " ]; do sleep 0.01; done"));
        assertEquals(0, r.exitCode(), r.toString());
        assertNoneAlive(pidFile, 1);
    }

    /**
     * Every pid in the file is gone (or a zombie waiting for its new parent) once the shell's sweep,
     * which runs after the job's end, is done: within 10 s.
     */
    private static void assertNoneAlive(Path pidFile, int expected) throws Exception {
        var pids = Files.readAllLines(pidFile);
        assertEquals(expected, pids.size(), pids.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pids.stream().anyMatch(p -> alive(p.trim())) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        for (String pid : pids) {
            assertFalse(alive(pid.trim()), "process " + pid + " outlived the job");
        }
    }

    private static boolean alive(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
