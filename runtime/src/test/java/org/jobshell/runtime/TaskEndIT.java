package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a task ended, as users see it with this run's launcher: the exit code, the one line naming a
 * signal, and the exec eventlog; which launcher runs; what descriptors a task gets.
 */
class TaskEndIT extends SharedDistributionTestBase {

    @Test
    void verboseSaysWhichLauncherStartsTheTasks() {
        Distribution.Run r = dist.run("run", "-v", "true");
        assertEquals(0, r.exitCode(), r.toString());
        String expected = TestJdk.launcher().isEmpty() ? "(posix|processbuilder)" : TestJdk.launcher();
        assertEquals(1, r.stderrLines().stream()
                .filter(l -> l.matches("jobshell\\[0\\]: DEBUG: tasks start with the " + expected + " launcher")).count(),
                r.toString());
    }

    /** Unforced, a small job keeps ProcessBuilder; a job of 256 tasks gets the posix launcher where it runs. */
    @Test
    void byDefaultTheLauncherFollowsTheJobsSize() {
        for (int n : new int[] {1, 256}) {
            Distribution.Run r = Distribution.Run.of(dist.start(pb -> pb.environment().put("JOBSHELL_JAVA_OPTS",
                    "-Djobshell.launcher="), "run", "-v", "-n", Integer.toString(n), "true"));
            assertEquals(0, r.exitCode(), r.toString());
            String expected = n >= 256 && TestJdk.posix() ? "posix" : "processbuilder";
            assertTrue(r.stderrLines().contains("jobshell[0]: DEBUG: tasks start with the " + expected + " launcher"),
                    n + " tasks: " + r);
        }
    }

    /**
     * Unforced, a small job keeps ProcessBuilder although PMI asks for sockets: its tasks connect through
     * {@code PMI_PORT}, and the job does not pay for the posix launcher's set-up (docs/SPI.md).
     */
    @Test
    void aSmallJobKeepsProcessBuilderForItsPmiSocketsAndItsTasksGetPmiPort() {
        Distribution.Run r = Distribution.Run.of(dist.start(pb -> pb.environment().put("JOBSHELL_JAVA_OPTS",
                "-Djobshell.launcher="), "run", "-v", "-n", "2", "sh", "-c", "echo ${PMI_FD:-no-fd} ${PMI_PORT%:*}"));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("no-fd 127.0.0.1", "no-fd 127.0.0.1"), r.stdoutLines(), r.toString());
        assertTrue(r.stderrLines().contains("jobshell[0]: DEBUG: tasks start with the processbuilder launcher"),
                r.toString());
        assertFalse(r.stderr().contains("posix launcher"), r.toString());
    }

    @Test
    void aTaskKilledBySigsegvIsNamedInOneLineAndExits139() {
        Distribution.Run r = dist.run("run", "-v", "sh", "-c", "ulimit -c 0; kill -SEGV $$");
        assertEquals(139, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: ERROR: task 0: killed by SIGSEGV"), messages(r), r.toString());
        JsonNode exit = JobRecord.ofVerbose(r).contexts("exec", "shell.task-exit").get(0);
        assertEquals(11, exit.get("signaled").asInt(), exit.toString());
        assertEquals("SIGSEGV", exit.get("signal").asText(), exit.toString());
        assertFalse(exit.get("core_dumped").asBoolean(), exit.toString());
        assertEquals(139, exit.get("exitcode").asInt(), exit.toString());
    }

    /**
     * With the posix launcher, {@code exit 139} is an exit code. ProcessBuilder reports a signal N as
     * {@code 128 + N} and cannot tell the two apart: it names SIGSEGV (docs/OPERATIONS.md).
     */
    @Test
    void exit139IsAnExitCodeWhereTheLauncherCanTell() {
        Distribution.Run r = dist.run("run", "-v", "sh", "-c", "exit 139");
        assertEquals(139, r.exitCode(), r.toString());
        JsonNode exit = JobRecord.ofVerbose(r).contexts("exec", "shell.task-exit").get(0);
        if (TestJdk.posix()) {
            assertEquals(List.of(), messages(r), r.toString()); // no signal named
            assertEquals(0, exit.get("signaled").asInt(), exit.toString());
            assertFalse(exit.has("signal"), exit.toString());
        } else {
            assertEquals(List.of("jobshell[0]: ERROR: task 0: killed by SIGSEGV"), messages(r), r.toString());
            assertEquals(11, exit.get("signaled").asInt(), exit.toString());
        }
        assertEquals(139, exit.get("exitcode").asInt(), exit.toString());
    }

    /** @return the stderr lines of a {@code -v} run but the job id and the DEBUG lines */
    private static List<String> messages(Distribution.Run r) {
        return r.stderrLines().stream().filter(l -> !l.startsWith("jobshell: jobid ") && !l.contains(": DEBUG: "))
                .toList();
    }

    /** With PMI off: pmi-simple's PMI_FD is the one more a task gets otherwise (MpiIT). */
    @Test
    void aTaskGetsExactlyDescriptors0To2() {
        Distribution.Run r = dist.run("run", "-n", "2", "-o", "pmi=off", "sh", "-c", "ls /proc/$$/fd");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0", "0", "1", "1", "2", "2"), r.stdoutLines().stream().sorted().toList(), r.toString());
    }

    /**
     * A plugin passes a task one end of a socket pair (the PMI server's {@code PMI_FD}); the task writes
     * to it, the plugin reads it. ProcessBuilder refuses sockets at the plugin's call, naming why.
     */
    @Test
    void aTaskInheritsASocketAtTheNumberThePluginGot() {
        dist.addPlugin("bundle.socket-echo");
        Distribution.Run r = dist.run("run", "-n", "2", "-o", "socket-echo", "-o", "pmi=off", "sh", "-c",
                "if [ -n \"$SOCKET_FD\" ]; then echo hello from $JOBSHELL_TASK_RANK >&$SOCKET_FD; fi; "
                        + "echo fd ${SOCKET_FD:-none}");
        assertEquals(0, r.exitCode(), r.toString());
        if (TestJdk.posix()) {
            assertEquals(List.of("fd 3", "fd 3"), r.stdoutLines(), r.toString());
            assertEquals(List.of("jobshell[0]: socket-echo: task 0 wrote: hello from 0",
                    "jobshell[0]: socket-echo: task 1 wrote: hello from 1"), r.stderrLines().stream().sorted().toList(),
                    r.toString());
        } else {
            assertEquals(List.of("fd none", "fd none"), r.stdoutLines(), r.toString());
            assertEquals(2, r.stderrLines().stream().filter(l -> l.contains("plugin 'socket-echo': task.exec failed: "
                    + "IllegalArgumentException: the processbuilder launcher cannot pass a socket")).count(), r.toString());
        }
    }

    @Test
    void aLauncherSettingNamingNoLauncherIsOneLine() {
        Distribution.Run r = Distribution.Run.of(dist.start(pb -> pb.environment().put("JOBSHELL_JAVA_OPTS",
                "-Djobshell.launcher=nosuch"), "run", "true"));
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(1, r.stderrLines().size(), r.toString());
        assertTrue(r.stderr().startsWith("jobshell: error: the launcher 'nosuch' (setting launcher) is not available: "
                + "there are "), r.toString());
    }
}
