package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The container-level topics through the daemon, with the examples of examples/ deployed and
 * configured as their READMEs say: job-size-limit's veto and its live configuration, job-notify's
 * line per job, resource-monitor's row per poll; a slow and a throwing {@code job.succeeded} handler;
 * switching a plugin off for every job (kept across a restart) and for one job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerTopicsIT extends SharedDistributionTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFUSED = "jobshell: error: job refused by plugin 'job-size-limit': 9 tasks asked, "
            + "at most 8 allowed (max-tasks in org.jobshell.example.jobsizelimit)";

    private static RunningDaemon daemon;
    private static Path notifications;
    private static Path usage;

    @BeforeAll
    static void deployTheExamplesAndStartTheDaemon() throws IOException {
        notifications = dir.resolve("jobs.jsonl");
        usage = dir.resolve("usage.csv");
        Files.writeString(dist.home().resolve("etc/jobshell.properties"), "jobshell.job.poll-interval=1\n");
        limit(8);
        Files.writeString(dist.home().resolve("etc/org.jobshell.example.jobnotify.cfg"), "file = " + notifications + "\n");
        Files.writeString(dist.home().resolve("etc/org.jobshell.example.resourcemonitor.cfg"), "file = " + usage + "\n");
        for (String example : List.of("job-size-limit", "job-notify", "resource-monitor")) {
            dist.addPlugin("bundle.example-" + example);
        }
        daemon = RunningDaemon.start(dist);
        RunningDaemon.await("the examples deployed and configured", 60, () -> {
            String topics = dist.run("topics").stdout();
            return topics.contains("job.submitting") && topics.contains("job.polling") && topics.contains("job.failed");
        });
    }

    @AfterAll
    static void stopTheDaemon() {
        if (daemon.alive()) {
            assertEquals(0, daemon.stop(), daemon.log());
        }
    }

    private static void limit(int maxTasks) throws IOException {
        Path cfg = dist.home().resolve("etc/org.jobshell.example.jobsizelimit.cfg");
        Path tmp = cfg.resolveSibling("limit.tmp");
        Files.writeString(tmp, "max-tasks = " + maxTasks + "\n");
        Files.move(tmp, cfg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return the id of the daemon's latest job */
    private static String lastJob() throws IOException {
        JsonNode jobs = JSON.readTree(dist.run("jobs", "--json").stdout());
        return jobs.get(jobs.size() - 1).path("id").asText();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    void jobSizeLimitRefusesSubmitAndRunAndFollowsItsFileWithoutARestart() throws IOException {
        RunningDaemon.await("job-size-limit configured", 60, () -> dist.run("run", "-n", "9", "true").exitCode() == 1);
        Distribution.Run submit = dist.run("submit", "-n", "9", "true");
        assertEquals(1, submit.exitCode(), submit.toString());
        assertEquals(List.of(REFUSED), submit.stderrLines());
        assertEquals("", submit.stdout());
        Distribution.Run run = dist.run("run", "-n", "9", "true");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of(REFUSED), run.stderrLines());
        Distribution.Run eight = dist.run("run", "-n", "8", "true");
        assertEquals(0, eight.exitCode(), eight.toString());

        limit(16);
        RunningDaemon.await("-n 9 running once max-tasks is 16", 60, () -> dist.run("run", "-n", "9", "true").exitCode() == 0);
    }

    @Test
    void aSlowSucceededHandlerDoesNotDelayTheExitCodeAndAThrowingOneIsLoggedByName() throws IOException {
        Path jar = dist.addPlugin("bundle.job-hooks");
        try {
            RunningDaemon.await("slow-notify and throwing-notify active", 60,
                    () -> dist.run("plugins").stdout().contains("throwing-notify"));
            Distribution.Run run = dist.run("run", "echo", "hi");
            String logWhenRunReturned = daemon.log();
            String id = lastJob();
            assertFalse(logWhenRunReturned.contains("slow-notify: done with job " + id),
                    "jobshell run returned before the 2 s handler ended: " + logWhenRunReturned);
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals("hi\n", run.stdout());
            RunningDaemon.await("the slow handler's end", 60,
                    () -> daemon.log().contains("jobshell: notice: slow-notify: done with job " + id));
            RunningDaemon.await("the throwing handler named", 60, () -> daemon.log().lines().anyMatch(l -> l.startsWith(
                    "jobshell: error: plugin 'throwing-notify': job.succeeded failed: boom (bundle "
                    + "org.jobshell.fixture.jobhooks ") && l.endsWith(" for job " + id)));
        } finally {
            Files.delete(jar);
            RunningDaemon.await("the job hooks gone", 60, () -> !dist.run("plugins").stdout().contains("slow-notify"));
        }
    }

    @Test
    void jobNotifyAppendsOneJsonLinePerFinishedJob() throws IOException {
        assertEquals(0, dist.run("run", "-n", "2", "true").exitCode());
        String ok = lastJob();
        assertEquals(3, dist.run("run", "sh", "-c", "exit 3").exitCode());
        String failed = lastJob();
        RunningDaemon.await("both jobs in " + notifications, 60, () -> lines(notifications).stream()
                .filter(l -> l.contains(ok) || l.contains(failed)).count() == 2);
        List<JsonNode> mine = new ArrayList<>();
        for (String l : lines(notifications)) {
            JsonNode n = JSON.readTree(l);
            if (n.path("id").asText().equals(ok) || n.path("id").asText().equals(failed)) {
                mine.add(n);
            }
        }
        assertEquals(List.of("succeeded " + ok + " 0 2 [\"true\"]", "failed " + failed + " 3 1 [\"sh\",\"-c\",\"exit 3\"]"),
                mine.stream().map(n -> n.path("event").asText() + " " + n.path("id").asText() + " "
                        + n.path("exitcode").asInt() + " " + n.path("ntasks").asInt() + " " + n.path("command"))
                        .collect(Collectors.toList()));
        assertTrue(mine.get(0).path("runtime").isNumber(), mine.toString());
    }

    @Test
    void resourceMonitorWritesARowAtEveryPollOfARunningJob() throws IOException {
        Distribution.Run run = dist.run("run", "-n", "2", "sleep", "3");
        assertEquals(0, run.exitCode(), run.toString());
        String id = lastJob();
        RunningDaemon.await("a row per poll of a 3 s job polled every second (at 1 s and 2 s at least)", 60,
                () -> rows(id).size() >= 2);
        assertEquals("jobid,counter,cpu_seconds,rss_kb", lines(usage).get(0));
        List<String[]> rows = rows(id);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(Integer.toString(i + 1), rows.get(i)[1], "counter of row " + i + ": " + lines(usage));
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(Long.parseLong(rows.get(i)[3]) > 0, "rss of two sleeping tasks: " + lines(usage));
        }
    }

    private static List<String[]> rows(String id) {
        return lines(usage).stream().map(l -> l.split(",")).filter(f -> f[0].equals(id)).collect(Collectors.toList());
    }

    @Test
    @Order(Integer.MAX_VALUE) // restarts the daemon: last, so that no other test waits for the examples' configurations again
    void disablingAPluginReachesTheNextJobAndSurvivesARestartAndOneJobCanLeaveItOut() {
        // cpu-affinity checks its option: a bad value fails the job while the plugin is there
        assertEquals(1, dist.run("run", "-o", "cpu-affinity=bogus", "true").exitCode());
        Distribution.Run off = dist.run("console", "-c", "jobshell:disable cpu-affinity");
        assertEquals(0, off.exitCode(), off.toString());
        assertEquals("plugin 'cpu-affinity': disabled from the next job on\n", off.stdout());
        assertWithout("after jobshell:disable");
        assertTrue(dist.run("plugins").stdout().lines().anyMatch(l -> l.matches("cpu-affinity +36 +disabled .*")),
                dist.run("plugins").stdout());

        assertEquals(0, daemon.stop(), daemon.log());
        daemon = RunningDaemon.start(dist);
        RunningDaemon.await("cpu-affinity still disabled after the restart", 60,
                () -> dist.run("plugins").stdout().lines().anyMatch(l -> l.matches("cpu-affinity +36 +disabled .*")));
        assertWithout("after a restart");

        Distribution.Run on = dist.run("console", "-c", "jobshell:enable cpu-affinity");
        assertEquals(0, on.exitCode(), on.toString());
        assertEquals(1, dist.run("run", "-o", "cpu-affinity=bogus", "true").exitCode());

        Distribution.Run one = dist.run("run", "-o", "plugins=-cpu-affinity", "-o", "cpu-affinity=bogus", "true");
        assertEquals(0, one.exitCode(), one.toString());
        assertEquals(1, dist.run("run", "-o", "cpu-affinity=bogus", "true").exitCode());
    }

    private static void assertWithout(String when) {
        Distribution.Run r = dist.run("run", "-o", "cpu-affinity=bogus", "true");
        assertEquals(0, r.exitCode(), when + ": " + r);
        assertTrue(r.stderr().contains("unknown option 'cpu-affinity'"), when + ": " + r);
    }
}
