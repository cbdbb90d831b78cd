package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The first task exit decides (spec §6.4, scenario F55): {@code exit-on-error} ends the job when that
 * task failed, {@code exit-timeout} when the others have not ended in time. The tasks left would
 * sleep 60 s: a job that waited for them would hit the run's 60 s limit and fail the test.
 */
class TaskExitIT extends SharedDistributionTestBase {

    /** {@code exec}: no task shell is left to report its sleep's SIGKILL on stderr ("Killed"). */
    private static final String RANK1_EXITS_200 = "test $JOBSHELL_TASK_RANK = 1 && exit 200; exec sleep 60";

    private static String host() throws Exception {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    }

    @Test
    void theIssuesExampleEndsNamingTheTimeout() throws Exception {
        Distribution.Run r = dist.run("run", "-n2", "-o", "exit-timeout=0.5", "sh", "-c",
                "test $JOBSHELL_TASK_RANK = 0 && exit 1; sleep 60");
        assertEquals(1, r.exitCode(), r.toString());
        // the other task's sh may say its sleep was "Killed" when the job's end kills the tasks
        assertEquals(List.of("jobshell[0]: FATAL: sh: task rank 0 on host " + host() + " exited (Exit 1) and "
                + "exit-timeout=0.5s has expired"), r.stderrLines().stream().filter(l -> !l.equals("Killed"))
                        .collect(Collectors.toList()), r.toString());
    }

    @Test
    void aTimeoutOnAnotherShellIsHeardByTheLeader() throws Exception {
        Distribution.Run r = dist.run("run", "-N2", "-n2", "-o", "exit-timeout=1s", "sh", "-c", RANK1_EXITS_200);
        assertEquals(200, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: sh: task rank 1 on host " + host() + " exited (Exit 200) and "
                + "exit-timeout=1s has expired"), r.stderrLines());
    }

    @Test
    void exitOnErrorEndsTheJobAtTheFirstFailure() throws Exception {
        for (String shells : List.of("1", "2")) {
            Distribution.Run r = dist.run("run", "-N", shells, "-n2", "-o", "exit-on-error", "sh", "-c",
                    RANK1_EXITS_200);
            assertEquals(200, r.exitCode(), r.toString());
            assertEquals(List.of("jobshell[0]: FATAL: sh: task rank 1 on host " + host() + " failed (Exit 200) and "
                    + "exit-on-error is set"), r.stderrLines(), "-N " + shells);
        }
    }

    @Test
    void aSignalledTaskIsNamedBySignal() throws Exception {
        Distribution.Run r = dist.run("run", "-n2", "-o", "exit-on-error", "sh", "-c",
                "test $JOBSHELL_TASK_RANK = 1 && kill -SEGV $$; exec sleep 60");
        assertEquals(139, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: sh: task rank 1 on host " + host() + " failed (Segmentation fault)"
                + " and exit-on-error is set"), r.stderrLines());
    }

    @Test
    void tasksThatAllEndInTimeAreLeftAlone() {
        Distribution.Run r = dist.run("run", "-n2", "-o", "exit-timeout=30", "-o", "exit-on-error", "sh", "-c",
                "test $JOBSHELL_TASK_RANK = 0 || sleep 1");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.stderr());
    }

    @Test
    void noneMeansNoTimeout() {
        Distribution.Run r = dist.run("run", "-n2", "-o", "exit-timeout=none", "sh", "-c",
                "test $JOBSHELL_TASK_RANK = 0 && exit 3; sleep 2");
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals("", r.stderr());
    }

    @Test
    void aBadTimeoutFailsBeforeAnyTaskNamingTheOption() {
        for (String bad : List.of("abc", "false", "-1")) {
            Distribution.Run r = dist.run("run", "-o", "exit-timeout=" + bad, "echo", "started");
            assertEquals(1, r.exitCode(), r.toString());
            assertEquals("", r.stdout());
            assertEquals(1, r.stderrLines().size(), r.toString());
            assertTrue(r.stderrLines().get(0).startsWith("jobshell[0]: FATAL: option exit-timeout: must be a Flux "
                    + "Standard Duration (N[smhd]) or none, got "), r.stderr());
            assertTrue(r.stderrLines().get(0).endsWith(" (plugin task-exit)"), r.stderr());
        }
    }
}
