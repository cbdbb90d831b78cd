package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the tmpdir, env-expand, gpu-affinity and rlimit builtins give tasks (spec §3.2, §6.6,
 * scenarios D38, D39, F53, F54).
 */
class TaskEnvironmentIT extends SharedDistributionTestBase {

    private static List<String> sorted(Distribution.Run r) {
        return r.stdoutLines().stream().sorted().collect(Collectors.toList());
    }

    @Test
    void eachShellHasAPrivateTmpdirThatIsGoneAfterTheJob() throws Exception {
        Distribution.Run r = dist.run("run", "-N", "2", "-n", "2", "--label-io", "sh", "-c",
                "test -d \"$JOBSHELL_JOB_TMPDIR\" && stat -c %a \"$JOBSHELL_JOB_TMPDIR\" && echo \"$JOBSHELL_JOB_TMPDIR\" "
                        + "&& echo {{tmpdir}}");
        assertEquals(0, r.exitCode(), r.toString());
        for (String task : List.of("0", "1")) {
            List<String> lines = r.stdoutLines().stream().filter(l -> l.startsWith(task + ": "))
                    .map(l -> l.substring(3)).collect(Collectors.toList());
            assertEquals("700", lines.get(0), r.stdout());
            assertTrue(lines.get(1).matches("/tmp/jobtmp-" + task + "-f\\w+"), lines.get(1));
            assertEquals(lines.get(1), lines.get(2), "{{tmpdir}} is the same directory");
            assertFalse(Files.exists(Path.of(lines.get(1))), lines.get(1) + " after the job");
        }
    }

    @Test
    void aTmpdirTheJobAsksForIsCreatedAndOneThatCannotBeIsReset() throws Exception {
        Path wanted = dir.resolve("wanted-tmp");
        Distribution.Run made = dist.run("run", "--env=TMPDIR=" + wanted, "sh", "-c", "test -d \"$TMPDIR\" && echo ok");
        assertEquals(List.of("ok"), made.stdoutLines(), made.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(wanted)));

        Distribution.Run bad = dist.run("run", "--env=TMPDIR=/dev/null/tmp", "printenv", "TMPDIR");
        assertEquals(0, bad.exitCode(), bad.toString());
        assertEquals(List.of("/tmp"), bad.stdoutLines());
        assertEquals(List.of("jobshell[0]:  WARN: tmpdir: Unable to create TMPDIR=/dev/null/tmp, resetting TMPDIR=/tmp"),
                bad.stderrLines());

        Distribution.Run unset = dist.run("run", "--env=-TMPDIR", "sh", "-c", "echo ${TMPDIR:-unset}");
        assertEquals(List.of("unset"), unset.stdoutLines());
    }

    @Test
    void envTemplatesAreRenderedForTheJobOrEachTask() {
        Distribution.Run r = dist.run("run", "-n", "4", "--label-io", "--env=TEST={{taskid}}", "--env=T1={{size}}",
                "--env=T2={{task.foo}}", "--env=T3={{tmpdir}}", "sh", "-c",
                "echo $TEST $T1 $T2; test \"$T3\" = \"$JOBSHELL_JOB_TMPDIR\" && echo same");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: 0 4 {{task.foo}}", "0: same", "1: 1 4 {{task.foo}}", "1: same", "2: 2 4 {{task.foo}}",
                "2: same", "3: 3 4 {{task.foo}}", "3: same"), sorted(r));
    }

    @Test
    void tasksWithoutGpusSeeNoneWhateverTheSubmitterHad() {
        Distribution.Run r = Distribution.Run.of(dist.start(pb -> pb.environment().put("CUDA_VISIBLE_DEVICES", "0,1"),
                "run", "sh", "-c", "echo $CUDA_VISIBLE_DEVICES $CUDA_DEVICE_ORDER"));
        assertEquals(List.of("-1 PCI_BUS_ID"), r.stdoutLines(), r.toString());
        Distribution.Run off = Distribution.Run.of(dist.start(pb -> pb.environment().put("CUDA_VISIBLE_DEVICES", "0,1"),
                "run", "-o", "gpu-affinity=off", "sh", "-c", "echo $CUDA_VISIBLE_DEVICES ${CUDA_DEVICE_ORDER:-unset}"));
        assertEquals(List.of("0,1 unset"), off.stdoutLines(), off.toString());
    }

    @Test
    void aGpuMapGivesEachTaskItsSet() {
        Distribution.Run r = dist.run("run", "-n", "3", "--label-io", "-o", "gpu-affinity=map:7;4-6", "printenv",
                "CUDA_VISIBLE_DEVICES");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: 7", "1: 4,5,6", "2: 7"), sorted(r));
        Distribution.Run bad = dist.run("run", "-o", "gpu-affinity=bogus", "true");
        assertEquals(List.of("jobshell[0]: FATAL: option gpu-affinity: must be on, off, per-task or map:LIST, got "
                + "\"bogus\" (plugin gpu-affinity)"), bad.stderrLines());
    }

    @Test
    void resourceLimitsAreTheTasksSoftLimits() {
        Distribution.Run r = dist.run("run", "-n", "2", "-o", "rlimit.nofile=123", "-o", "rlimit.core=0", "sh", "-c",
                "echo $(ulimit -n) $(ulimit -c)");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("123 0", "123 0"), r.stdoutLines());
    }

    @Test
    void aLimitAboveTheHardLimitIsLoweredToItWithAWarning() {
        Distribution.Run r = dist.run("run", "-o", "rlimit.nofile=999999999", "sh", "-c", "ulimit -n");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]:  WARN: rlimit: nofile exceeds current max, raising value to hard limit"),
                r.stderrLines());
        assertTrue(Long.parseLong(r.stdout().trim()) < 999999999L, r.stdout());
    }

    @Test
    void anUnknownLimitFailsTheJobBeforeAnyTask() {
        Distribution.Run r = dist.run("run", "-o", "rlimit.foo=1234", "echo", "started");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals(1, r.stderrLines().size(), r.toString());
        assertTrue(r.stderrLines().get(0).startsWith("jobshell[0]: FATAL: option rlimit: invalid shell option "
                + "rlimit.foo=1234 (limits: cpu, fsize, "), r.stderr());
    }

    @Test
    void addedFilesAreInEveryShellsTmpdirWithTheirBytesAndModes() throws Exception {
        Path dir = Files.createTempDirectory("add-file");
        try {
            Files.writeString(dir.resolve("input.txt"), "line 1\nline 2\n");
            byte[] blob = new byte[256];
            for (int i = 0; i < blob.length; i++) {
                blob[i] = (byte) i;
            }
            Files.write(dir.resolve("blob"), blob);
            Path script = Files.writeString(dir.resolve("step.sh"), "#!/bin/sh\necho step of $JOBSHELL_TASK_RANK\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            Distribution.Run r = Distribution.Run.of(dist.start(pb -> pb.directory(dir.toFile()), "run", "-N", "2",
                    "-n", "2", "--add-file=input.txt", "--add-file=data=blob", "--add-file=" + script, "sh", "-c",
                    "cd $JOBSHELL_JOB_TMPDIR && wc -l < input.txt && cmp data " + dir.resolve("blob") + " && ./step.sh"));
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(List.of("2", "2", "step of 0", "step of 1"), r.stdoutLines().stream().sorted()
                    .collect(Collectors.toList()));
            Distribution.Run missing = dist.run("run", "--add-file=/no/such/file", "true");
            assertEquals(1, missing.exitCode(), missing.toString());
            assertEquals(1, missing.stderrLines().size(), missing.toString());
            assertTrue(missing.stderr().startsWith("jobshell: error: --add-file /no/such/file: cannot read /no/such/file: "),
                    missing.toString());
        } finally {
            for (String f : List.of("input.txt", "blob", "step.sh")) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.delete(dir);
        }
    }

    @Test
    void oomAdjustIsEachTasksOomScoreAdj() {
        // set right after the task starts (task.fork, as the reference does): the task waits to see it
        Distribution.Run r = dist.run("run", "-n", "2", "-o", "oom.adjust=500", "sh", "-c",
                "for i in $(seq 100); do v=$(cat /proc/self/oom_score_adj); [ $v = 500 ] && break; sleep 0.1; done; echo $v");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("500", "500"), r.stdoutLines());
        assertEquals("", r.stderr());
    }

    @Test
    void aBadOomOptionFailsTheJobBeforeAnyTaskNamingTheKey() {
        Distribution.Run r = dist.run("run", "-o", "oom.adjsut=500", "echo", "started");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals(List.of("jobshell[0]: FATAL: option oom: unknown key oom.adjsut (the only one is oom.adjust) (plugin oom)"),
                r.stderrLines());
    }

    @Test
    void aWrongHostnameIsCorrectedAndAnUnsetOneStaysUnset() throws Exception {
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        assertEquals(List.of(host), dist.run("run", "--env=HOSTNAME=incorrect", "printenv", "HOSTNAME").stdoutLines());
        assertEquals(List.of("unset"), dist.run("run", "--env=-HOSTNAME", "sh", "-c", "echo ${HOSTNAME:-unset}")
                .stdoutLines());
    }
}
