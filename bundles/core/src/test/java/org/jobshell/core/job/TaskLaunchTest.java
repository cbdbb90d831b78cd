package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.jobshell.api.TaskStream;
import org.jobshell.core.util.CpuSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What tasks get: their environment, the task.exec changes, signals, and several shells (spec §6.6). */
class TaskLaunchTest extends JobHarnessTestBase {

    @Test
    void tasksGetTheJobEnvironmentAndTheirJobshellVariablesOnly() {
        JobHarness.Result r = harness.run(jobspec(3, 1, "/usr/bin/env"));
        assertEquals(0, r.exitCode());
        TreeSet<String> names = new TreeSet<>();
        for (String line : harness.taskOutput(2, TaskStream.STDOUT).split("\n")) {
            names.add(line.substring(0, line.indexOf('=')));
        }
        assertEquals(new TreeSet<>(List.of("PATH", "JOBSHELL_JOB_ID", "JOBSHELL_JOB_SIZE", "JOBSHELL_JOB_NNODES",
                "JOBSHELL_SHELL_RANK", "JOBSHELL_TASK_RANK", "JOBSHELL_TASK_LOCAL_ID", "JOBSHELL_TASKMAP",
                "JOBSHELL_JOB_KEY")), names);
        String env = harness.taskOutput(2, TaskStream.STDOUT);
        assertTrue(env.contains("JOBSHELL_TASK_RANK=2\n") && env.contains("JOBSHELL_JOB_SIZE=3\n"), env);
    }

    @Test
    void tasksAreSpreadOverShellsInBlocks() {
        JobHarness.Result r = harness.run(jobspec(3, 2, "sh", "-c",
                "echo $JOBSHELL_SHELL_RANK $JOBSHELL_TASK_LOCAL_ID $JOBSHELL_JOB_NNODES"));
        assertEquals(0, r.exitCode());
        assertEquals("0 0 2\n", harness.taskOutput(0, TaskStream.STDOUT));
        assertEquals("0 1 2\n", harness.taskOutput(1, TaskStream.STDOUT));
        assertEquals("1 0 2\n", harness.taskOutput(2, TaskStream.STDOUT));
        assertEquals("{\"version\":1,\"map\":[[0,1,2,1],[1,1,1,1]]}",
                r.events("exec").get(3).get("context").get("taskmap").toString());
    }

    @Test
    void jobEnvironmentChangesInShellInitReachEveryTaskAndTaskChangesOnlyOne() {
        harness.plugin("env", 50, false, p -> {
            p.handle("shell.init", (s, t, a) -> s.environment().set("FROM_JOB", "yes"));
            p.handle("task.init", (s, t, a) -> {
                if (s.currentTask().rank() == 1) {
                    s.currentTask().launch().environment().set("ONLY_ONE", "1");
                }
            });
        });
        harness.run(jobspec(2, 1, "sh", "-c", "echo $FROM_JOB ${ONLY_ONE:-none}"));
        assertEquals("yes none\n", harness.taskOutput(0, TaskStream.STDOUT));
        assertEquals("yes 1\n", harness.taskOutput(1, TaskStream.STDOUT));
    }

    @Test
    void taskExecChangesAreAppliedAtSpawn(@TempDir Path elsewhere) throws Exception {
        harness.plugin("exec", 50, false, p -> p.handle("task.exec", (s, t, a) -> {
            s.currentTask().launch().cwd(elsewhere);
            s.currentTask().launch().wrap(List.of("env", "WRAPPED=by-plugin"));
        }));
        JobHarness.Result r = harness.run(jobspec(1, 1, "sh", "-c", "pwd; echo $WRAPPED"));
        assertEquals(0, r.exitCode());
        assertEquals(elsewhere.toRealPath() + "\nby-plugin\n", harness.taskOutput(0, TaskStream.STDOUT));
    }

    @Test
    void aCpuSetOtherThanTheContainersBindsTheTask() throws Exception {
        BitSet allowed = CpuSets.allowed();
        int last = allowed.previousSetBit(allowed.length());
        harness.plugin("bind", 50, false, p -> p.handle("task.exec", (s, t, a) -> {
            BitSet one = new BitSet();
            one.set(last);
            s.currentTask().launch().cpus(one);
        }));
        harness.run(jobspec(1, 1, "sh", "-c", "grep Cpus_allowed_list /proc/self/status"));
        assertEquals("Cpus_allowed_list:\t" + last + "\n", harness.taskOutput(0, TaskStream.STDOUT));
    }

    @Test
    void anInheritedDescriptorReachesTheTask() throws Exception {
        Pipe pipe = Pipe.open();
        AtomicReference<Integer> fd = new AtomicReference<>();
        harness.plugin("fd", 50, false, p -> p.handle("task.exec", (s, t, a) -> {
            int n = s.currentTask().launch().inherit(pipe.sink());
            fd.set(n);
            s.currentTask().launch().environment().set("MY_FD", Integer.toString(n));
        }));
        JobHarness.Result r = harness.run(jobspec(1, 1, "sh", "-c", "echo through-fd-$MY_FD >&$MY_FD"));
        assertEquals(0, r.exitCode(), r.stderr());
        pipe.sink().close();
        ByteBuffer buf = ByteBuffer.allocate(100);
        pipe.source().read(buf);
        buf.flip();
        assertEquals("through-fd-3\n", StandardCharsets.UTF_8.decode(buf).toString());
        assertEquals(3, fd.get());
    }

    @Test
    void killingTheJobSignalsEveryTask() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JobRun job = harness.start(jobspec(2, 2, "sleep", "30"), out, err);
        Path exec = job.directory().resolve("exec.eventlog");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.readString(exec).contains("shell.start") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        job.kill(15);
        JobHarness.Result r = harness.await(job, out, err);
        assertEquals(143, r.exitCode());
    }

    @Test
    void aMissingWorkingDirectoryFallsBackToTmpWithOneError() {
        var spec = jobspec(1, 1, "pwd");
        ((com.fasterxml.jackson.databind.node.ObjectNode) spec.path("attributes").path("system")).put("cwd", "/foo");
        JobHarness.Result r = harness.run(spec);
        assertEquals(0, r.exitCode());
        assertEquals("/tmp\n", harness.taskOutput(0, TaskStream.STDOUT));
        assertEquals(List.of("jobshell[0]: ERROR: host testhost: Could not change dir to /foo: No such directory."
                + " Going to /tmp instead"), r.errorLines());
    }
}
