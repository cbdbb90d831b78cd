package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A job too big for the machine is refused before anything starts, in one line naming the limit and
 * its setting (today's defaults come from pid_max, the process limit and the open-file limit),
 * instead of growing until the container collapses.
 */
class LimitsIT extends SharedDistributionTestBase {

    @Test
    void tooManyTasksAreRefusedNamingTheSettingAndNothingIsCreated() throws IOException {
        long before = jobs();
        Distribution.Run r = dist.run("run", "-n", "100000000", "true");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(1, r.stderrLines().size(), r.toString());
        assertTrue(r.stderrLines().get(0).startsWith("jobshell: error: the job asks for 100000000 tasks; this container"
                + " takes at most "), r.toString());
        assertTrue(r.stderr().contains("(setting max.tasks, jobshell.max.tasks in etc/jobshell.properties; the default"
                + " is derived from pid_max "), r.toString());
        assertEquals(before, jobs(), "a job directory was created for a refused job");
    }

    @Test
    void tooManyShellsAreRefusedNamingTheSetting() {
        // 5000 tasks are within the task limit here (half the open files at least), 5000 threads are not
        Distribution.Run r = dist.run("run", "-N", "5000", "-n", "5000", "true");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(1, r.stderrLines().size(), r.toString());
        assertTrue(r.stderr().contains("5000 shells (nodes); this container takes at most")
                && r.stderr().contains("setting max.shells"), r.toString());
    }

    @Test
    void theLimitsAreSettings() {
        Distribution.Run over = dist.run(List.of("-Djobshell.max.tasks=4"), "run", "-n", "5", "true");
        assertEquals(List.of("jobshell: error: the job asks for 5 tasks; this container takes at most 4 (setting"
                + " max.tasks, jobshell.max.tasks in etc/jobshell.properties; the default is derived from pid_max "),
                List.of(over.stderrLines().get(0).substring(0, over.stderrLines().get(0).indexOf("pid_max ") + 8)),
                over.toString());
        assertEquals(0, dist.run(List.of("-Djobshell.max.tasks=4"), "run", "-n", "4", "true").exitCode());
        Distribution.Run perShell = dist.run(List.of("-Djobshell.max.tasks.per.shell=2"), "run", "-N", "2", "-n", "5",
                "true");
        assertTrue(perShell.stderr().contains("the job asks for 3 tasks on one shell; this container takes at most 2"
                + " (setting max.tasks.per.shell"), perShell.toString());
    }

    private static long jobs() throws IOException {
        Path jobs = dist.home().resolve("var/jobs");
        if (!Files.isDirectory(jobs)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(jobs)) {
            return dirs.count();
        }
    }
}
