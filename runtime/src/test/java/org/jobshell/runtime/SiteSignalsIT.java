package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builtin {@code signals} decides what a signal sent to {@code jobshell run} does, and a site
 * replaces it by name: with the fixture {@code site-signals} in plugins/, SIGINT goes to the tasks
 * and the job goes on (the builtin would cancel it); a second SIGINT within two seconds still kills
 * the job, whatever the plugins do.
 */
class SiteSignalsIT {

    /**
     * Each task says it started (a file in the working directory), then on SIGINT goes on for a
     * second and ends with 0: longer than the kill grace period below, so a cancel would kill it.
     */
    private static final String OUTLIVES_SIGINT = "trap 'echo got INT; n=1' INT; touch started.$JOBSHELL_TASK_RANK;"
            + " while [ -z \"$n\" ]; do sleep 0.05; done; sleep 1; echo done";

    @TempDir
    Path dir;

    private Distribution dist;
    private Path cwd;

    @BeforeEach
    void deployTheSitePlugin() throws Exception {
        dist = Distribution.copyInto(dir.resolve("dist"));
        dist.addPlugin("bundle.site-signals");
        cwd = Files.createDirectories(dir.resolve("cwd"));
    }

    @Test
    void theSitePluginShadowsTheBuiltin() {
        Distribution.Run list = dist.run("plugins");
        List<String> rows = list.stdoutLines().stream().filter(l -> l.startsWith("signals "))
                .collect(Collectors.toList());
        assertEquals(2, rows.size(), list.stdout());
        assertTrue(rows.get(0).matches("signals +33 +shadowed +org\\.jobshell\\.plugin\\.signals .*"
                + "\\(shadowed by org\\.jobshell\\.fixture\\.sitesignals .*\\)"), rows.get(0));
        assertTrue(rows.get(1).matches("signals +100 +active +org\\.jobshell\\.fixture\\.sitesignals .*"), rows.get(1));
    }

    @Test
    void sigintGoesToTheTasksAndTheJobGoesOn() throws Exception {
        Process p = start();
        awaitStarted(2);
        signal(p, "INT");
        Distribution.Run r = Distribution.Run.of(p);
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: done", "0: got INT", "1: done", "1: got INT"),
                r.stdoutLines().stream().sorted().collect(Collectors.toList()), r.toString());
        assertEquals(List.of("jobshell[0]: signals: signal 2 goes to the tasks; the job goes on"), r.stderrLines());
    }

    @Test
    void aSecondSigintStillKillsTheJob() throws Exception {
        Process p = start();
        awaitStarted(2);
        signal(p, "INT");
        signal(p, "INT");
        Distribution.Run r = Distribution.Run.of(p);
        assertEquals(137, r.exitCode(), r.toString());
        assertTrue(r.stderrLines().stream().anyMatch(l -> l.startsWith("jobshell: second interrupt: killing job ")),
                r.toString());
    }

    private Process start() {
        return dist.start(pb -> {
            pb.directory(cwd.toFile());
            pb.environment().put("JOBSHELL_JAVA_OPTS", "-Djobshell.kill.grace.ms=300");
        }, "run", "-n", "2", "--label-io", "sh", "-c", OUTLIVES_SIGINT);
    }

    private void awaitStarted(int tasks) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (started() < tasks) {
            assertTrue(System.nanoTime() < deadline, "the tasks did not start within 30 s");
            Thread.sleep(20);
        }
    }

    private long started() throws Exception {
        try (Stream<Path> files = Files.list(cwd)) {
            return files.filter(f -> f.getFileName().toString().startsWith("started.")).count();
        }
    }

    private static void signal(Process p, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
    }
}
