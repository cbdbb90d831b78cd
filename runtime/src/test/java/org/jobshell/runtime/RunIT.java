package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jobshell.api.Idset;
import org.junit.jupiter.api.Test;

/** {@code jobshell run} from the assembled distribution, as users run it. */
class RunIT extends SharedDistributionTestBase {

    private static String hostname() throws Exception {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    }

    @Test
    void theReadmeJobPrintsFourLabelledLines() throws Exception {
        Distribution.Run r = dist.run("run", "-n", "4", "--label-io", "hostname");
        assertEquals(0, r.exitCode(), r.toString());
        String h = hostname();
        assertEquals(List.of("0: " + h, "1: " + h, "2: " + h, "3: " + h),
                r.stdoutLines().stream().sorted().collect(Collectors.toList()));
        assertEquals("", r.stderr());
    }

    @Test
    void theExitCodeIsTheLargestTaskCode() {
        assertEquals(3, dist.run("run", "-n", "2", "sh", "-c", "exit 3").exitCode());
    }

    @Test
    void aTaskKilledBySigkillGives137() {
        assertEquals(137, dist.run("run", "sh", "-c", "kill -9 $$").exitCode());
    }

    @Test
    void aMissingCommandGives127AndOneClearLine() throws Exception {
        Distribution.Run r = dist.run("run", "/no/such/cmd");
        assertEquals(127, r.exitCode());
        assertEquals(List.of("jobshell[0]: FATAL: task 0 (host " + hostname()
                + "): start failed: /no/such/cmd: No such file or directory"), r.stderrLines());
    }

    @Test
    void outputLinesOfManyTasksAreNeverCutOrLost() {
        Distribution.Run r = dist.run("run", "-n", "12", "--label-io", "sh", "-c",
                "i=0; while [ $i -lt 300 ]; do echo \"line $i of task $JOBSHELL_TASK_RANK\"; i=$((i+1)); done");
        assertEquals(0, r.exitCode(), r.stderr());
        Pattern line = Pattern.compile("(\\d+): line (\\d+) of task (\\d+)");
        int[] next = new int[12];
        for (String l : r.stdoutLines()) {
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), "cut or mixed line: " + l);
            int task = Integer.parseInt(m.group(1));
            assertEquals(m.group(1), m.group(3), l);
            assertEquals(next[task]++, Integer.parseInt(m.group(2)), "out of order: " + l);
        }
        for (int t = 0; t < 12; t++) {
            assertEquals(300, next[t], "task " + t + " lines");
        }
    }

    @Test
    void shellsOtherThanTheLeaderSendTheirOutputToIt() {
        Distribution.Run r = dist.run("run", "-N", "2", "-n", "4", "--label-io", "sh", "-c",
                "echo shell $JOBSHELL_SHELL_RANK; echo err $JOBSHELL_TASK_RANK >&2");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: shell 0", "1: shell 0", "2: shell 1", "3: shell 1"),
                r.stdoutLines().stream().sorted().collect(Collectors.toList()));
        assertEquals(List.of("0: err 0", "1: err 1", "2: err 2", "3: err 3"),
                r.stderrLines().stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void environmentRulesShapeTheJobEnvironment() {
        Distribution.Run r = dist.run("run", "--env=-*", "--env=GREETING=hi", "env");
        assertEquals(0, r.exitCode(), r.toString());
        TreeSet<String> names = r.stdoutLines().stream().map(l -> l.substring(0, l.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("GREETING", "JOBSHELL_JOB_ID", "JOBSHELL_JOB_KEY", "JOBSHELL_JOB_NNODES",
                "JOBSHELL_JOB_SIZE", "JOBSHELL_SHELL_RANK", "JOBSHELL_TASKMAP", "JOBSHELL_TASK_LOCAL_ID",
                "JOBSHELL_TASK_RANK", "JOBSHELL_JOB_TMPDIR", "CUDA_VISIBLE_DEVICES", "CUDA_DEVICE_ORDER", "PMI_RANK",
                "PMI_SIZE", TestJdk.posix() ? "PMI_FD" : "PMI_PORT", TestJdk.posix() ? "PMI_FD" : "PMI_ID")), names);
    }

    @Test
    void cpuAffinityPerTaskGivesEachTaskItsOwnCores() {
        Distribution.Run r = dist.run("run", "-n", "2", "--label-io", "-o", "cpu-affinity=verbose,per-task", "sh",
                "-c", "grep Cpus_allowed_list /proc/self/status | cut -f2");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> sets = r.stdoutLines().stream().sorted().map(l -> l.substring(3)).collect(Collectors.toList());
        assertEquals(2, sets.size());
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            assertTrue(!sets.get(0).equals(sets.get(1)), "both tasks on " + sets);
        }
        assertTrue(r.stderr().contains("jobshell[0]: cpu-affinity: task 0: cpus: " + sets.get(0)), r.stderr());
        Distribution.Run map = dist.run("run", "-n", "2", "-o", "cpu-affinity=map:0", "sh", "-c",
                "grep Cpus_allowed_list /proc/self/status | cut -f2");
        assertEquals(List.of("0", "0"), map.stdoutLines());
    }

    /** -c C binds a task to C cores: the first C of those this process may use (R hands them out in order). */
    @Test
    void coresPerTaskBindEachTaskToThatManyCores() throws Exception {
        int[] allowed = Idset.decode(cpusAllowed(Files.readAllLines(Path.of("/proc/self/status")))).stream().toArray();
        assumeTrue(allowed.length >= 2, "fewer than 2 cores here: -c 1 and -c 2 would look the same");
        for (int c = 1; c <= 2; c++) {
            Distribution.Run r = dist.run("run", "-n", "1", "-c", Integer.toString(c), "-o", "cpu-affinity=per-task",
                    "cat", "/proc/self/status");
            assertEquals(0, r.exitCode(), r.toString());
            BitSet expected = new BitSet();
            for (int i = 0; i < c; i++) {
                expected.set(allowed[i]);
            }
            assertEquals(Idset.encode(expected), cpusAllowed(r.stdoutLines()), "-c " + c);
        }
    }

    /** @return the value of the Cpus_allowed_list line of a /proc/PID/status */
    private static String cpusAllowed(List<String> status) {
        String line = status.stream().filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst()
                .orElseThrow(() -> new AssertionError("no Cpus_allowed_list in " + status));
        return line.substring(line.indexOf(':') + 1).trim();
    }

    @Test
    void aBadMapFailsTheJobNamingIt() {
        Distribution.Run r = dist.run("run", "-o", "cpu-affinity=map:0x0", "true");
        assertEquals(1, r.exitCode());
        assertEquals(List.of("jobshell[0]: FATAL: option cpu-affinity: cpuset 0x0 contains no cores or is invalid "
                + "(plugin cpu-affinity)"), r.stderrLines());
    }

    @Test
    void eachJobLeavesItsDirectoryWithEventlogs() throws Exception {
        Distribution.Run r = dist.run("run", "-v", "-n", "2", "echo", "hello");
        assertEquals(0, r.exitCode(), r.toString());
        Pattern verbose = Pattern.compile("jobshell: jobid (f\\w+) \\((.*)\\)");
        Matcher m = verbose.matcher(r.stderrLines().stream().filter(l -> verbose.matcher(l).matches()).findFirst()
                .orElse(""));
        assertTrue(m.matches(), r.stderr());
        Path jobDir = Path.of(m.group(2));
        assertEquals(dist.home().resolve("var/jobs").resolve(m.group(1)), jobDir);
        for (String f : List.of("jobspec.json", "R.json", "exec.eventlog", "output.eventlog")) {
            assertTrue(Files.exists(jobDir.resolve(f)), f);
        }
        ObjectMapper mapper = new ObjectMapper();
        List<String> exec = new ArrayList<>();
        for (String line : Files.readAllLines(jobDir.resolve("exec.eventlog"))) {
            exec.add(mapper.readTree(line).get("name").asText());
        }
        assertEquals(List.of("init", "starting", "shell.init", "shell.start", "shell.task-exit", "complete", "done"),
                exec);
        List<String> data = new ArrayList<>();
        for (String line : Files.readAllLines(jobDir.resolve("output.eventlog"))) {
            JsonNode e = mapper.readTree(line);
            if (e.get("name").asText().equals("data") && e.get("context").has("data")) {
                data.add(e.get("context").get("rank").asText() + ":" + e.get("context").get("data").asText());
            }
        }
        assertEquals(List.of("0:hello\n", "1:hello\n"), data.stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void runHelpDescribesTheOptions() {
        Distribution.Run r = dist.run("run", "--help");
        assertEquals(0, r.exitCode());
        for (String opt : List.of("--ntasks", "--nodes", "--setopt", "--label-io", "--env", "--cwd", "--jobspec",
                "--verbose")) {
            assertTrue(r.stdout().contains(opt), opt);
        }
    }

    @Test
    void everyInstalledJdkRunsJobsWithoutNoise() throws Exception {
        List<Path> jdks = TestJdk.installed();
        for (Path jdk : jdks) {
            Distribution.Run r = Distribution.Run.of(dist.startWith(jdk, "run", "-n", "2", "--label-io", "echo", "hi"));
            assertEquals(0, r.exitCode(), jdk + ": " + r);
            assertEquals(List.of("0: hi", "1: hi"), r.stdoutLines().stream().sorted().collect(Collectors.toList()),
                    jdk.toString());
            assertEquals("", r.stderr(), jdk + " printed on stderr");
        }
    }
}
