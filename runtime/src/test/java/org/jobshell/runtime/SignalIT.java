package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIGINT and SIGTERM sent to {@code jobshell run} reach every task; no task, nor anything a task
 * started, outlives the job, even when jobshell is killed with SIGKILL.
 */
class SignalIT extends SharedDistributionTestBase {

    @Test
    void sigintReachesEveryTask() throws Exception {
        String marker = "sigint-" + System.nanoTime();
        Process p = dist.start("run", "-n", "3", "--label-io", "sh", "-c",
                "trap 'echo got INT; kill $!; exit 5' INT; sleep 300 & echo started; wait", marker);
        waitForTasks(3);
        signal(p, "INT");
        Distribution.Run r = Distribution.Run.of(p);
        assertEquals(5, r.exitCode(), r.toString());
        assertEquals(3, r.stdoutLines().stream().filter(l -> l.endsWith(": got INT")).count(), r.stdout());
        assertNoProcessLeft(marker);
    }

    @Test
    void sigtermEndsTheJobWith143() throws Exception {
        Process p = dist.start("run", "-n", "2", "sh", "-c", "echo started; exec sleep 300");
        waitForTasks(2);
        signal(p, "TERM");
        Distribution.Run r = Distribution.Run.of(p);
        assertEquals(143, r.exitCode(), r.toString());
    }

    @Test
    void sigtermDuringABigLaunchStopsItAndKillsWhatStarted() throws Exception {
        String marker = "launch-" + System.nanoTime();
        // without the cancel, the tasks not yet started when TERM comes would start and sleep 300 s
        Process p = dist.start("run", "-n", "300", "sh", "-c", "echo started; sleep 300; :", marker);
        assertSigtermEnds(p, 1, 143, marker);
    }

    @Test
    void aTaskThatIgnoresSigtermGetsSigkillAfterTheGracePeriod() throws Exception {
        String marker = "stubborn-" + System.nanoTime();
        Process p = dist.start(pb -> pb.environment().put("JOBSHELL_JAVA_OPTS", "-Djobshell.kill.grace.ms=300"),
                "run", "-n", "2", "sh", "-c", "trap '' TERM; echo started; sleep 300; :", marker);
        assertSigtermEnds(p, 2, 137, marker);
    }

    @Test
    void sigtermLeavesNoProcessATaskStartedEvenADoubleForkedOne() throws Exception {
        String sleep = "sleep 300 " + uniqueSeconds();
        Process p = dist.start("run", "-n", "2", "sh", "-c", "(" + sleep + " &); echo started; " + sleep);
        assertSigtermEnds(p, 2, 143, sleep);
    }

    @Test
    void sigkillOfJobshellLeavesNoTaskRunning() throws Exception {
        String sleep = "sleep 300 " + uniqueSeconds();
        Process p = dist.start("run", "-n", "4", "sh", "-c", "echo started; exec " + sleep);
        waitForTasks(4);
        p.destroyForcibly(); // SIGKILL: the JVM runs no shutdown hook
        assertEquals(137, p.waitFor());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!processesWith(sleep).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertNoProcessLeft(sleep);
    }

    /**
     * Once {@code tasks} tasks started, SIGTERM to {@code jobshell run} ends it with {@code code}, and
     * no process whose command line has {@code marker} is left.
     */
    private void assertSigtermEnds(Process p, int tasks, int code, String marker) throws Exception {
        waitForTasks(tasks);
        signal(p, "TERM");
        Distribution.Run r = Distribution.Run.of(p);
        assertEquals(code, r.exitCode(), r.toString());
        assertNoProcessLeft(marker);
    }

    @Test
    void usr1AndUsr2ReachEveryTaskAndTheJobGoesOnUntilTheTasksEnd() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("usr-signals"));
        // each task counts the two signals and ends once it had both; the job ends when they do
        Process p = dist.start(pb -> pb.directory(cwd.toFile()), "run", "-n", "2", "--label-io", "sh", "-c",
                "n=0; trap 'echo got USR1; n=$((n+1))' USR1; trap 'echo got USR2; n=$((n+1))' USR2; "
                        + "echo started; while [ $n -lt 2 ]; do sleep 0.1; done; echo ${_JAVA_SR_SIGNUM:-no-jvm-variable}");
        waitForTasks(2);
        signal(p, "USR1");
        signal(p, "USR2");
        Distribution.Run r = Distribution.Run.of(p);
        assertEquals(0, r.exitCode(), r.toString());
        for (String line : List.of("0: got USR1", "1: got USR1", "0: got USR2", "1: got USR2",
                "0: no-jvm-variable")) {
            assertTrue(r.stdoutLines().contains(line), line + "\n" + r);
        }
        // the tasks' own sh may say that its sleep died of the signal: every process of a task gets it
        assertTrue(r.stderrLines().stream().allMatch(l -> l.matches("[01]: User defined signal [12]")), r.stderr());
        try (Stream<Path> files = Files.list(cwd)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).collect(Collectors.toList()),
                    "no hs_err file");
        }
    }

    /** @return a duration that is 0 s to sleep(1) and tells this test's processes from any other's */
    private static String uniqueSeconds() {
        return String.format("0.%09d", System.nanoTime() % 1_000_000_000L);
    }

    /** The job directories before this test's job: the one that appears afterwards is its. */
    private Set<Path> before;

    @BeforeEach
    void noteJobs() throws IOException {
        before = jobDirs();
    }

    /** Waits until this test's job's output eventlog shows that many tasks printed "started". */
    private void waitForTasks(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (startedInThisTestsJob() >= n) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the tasks did not start within 30 s");
    }

    private long startedInThisTestsJob() throws IOException {
        Set<Path> now = jobDirs();
        now.removeAll(before);
        if (now.size() != 1 || !Files.exists(now.iterator().next().resolve("output.eventlog"))) {
            return 0;
        }
        return Files.readAllLines(now.iterator().next().resolve("output.eventlog")).stream()
                .filter(l -> l.contains("\"data\":\"started\\n\"")).count();
    }

    private static Set<Path> jobDirs() throws IOException {
        Path jobs = dist.home().resolve("var/jobs");
        if (!Files.isDirectory(jobs)) {
            return new HashSet<>();
        }
        try (Stream<Path> dirs = Files.list(jobs)) {
            return dirs.collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static void signal(Process p, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
    }

    private static void assertNoProcessLeft(String marker) {
        List<String> left = processesWith(marker);
        assertTrue(left.isEmpty(), "left behind: " + left);
    }

    private static List<String> processesWith(String marker) {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).collect(Collectors.toList());
    }
}
