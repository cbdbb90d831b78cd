package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The long-lived container deploys what admins copy into plugins/: the next job uses a replacement,
 * deleting it brings the builtin back, a job keeps the plugins it started with, and broken jars are
 * reported by name and change nothing else. One daemon for the class, from a copy of the
 * distribution; each test leaves plugins/ as it found it.
 */
class HotDeployIT extends DaemonTestBase {

    private static final String BINDING = "echo ${JOBSHELL_CPU_BINDING:-none}";

    @Test
    void aHigherRankedJarCopiedInIsUsedByTheNextJobAndDeletingItBringsTheBuiltinBack() throws Exception {
        try (RawClient events = new RawClient(daemon.socket())) {
            events.request("[\"events\"]");
            events.lines();
            assertEquals(List.of("none"), dist.run("run", "sh", "-c", BINDING).stdoutLines(), "the builtin binds nothing");
            RunningDaemon.await("the subscription", 30, () -> events.lines().stream().anyMatch(l -> l.contains("job.")));
            Path jar = deploy("bundle.site-cpu-affinity", "site-cpu-affinity.jar");
            awaitPlugins("cpu-affinity +100 +active +org\\.jobshell\\.example\\.sitecpuaffinity +0\\.1\\.0\\..*");
            String both = "(?s).*\\ncpu-affinity +36 +shadowed +org\\.jobshell\\.plugin\\.cpuaffinity +0\\.1\\.0\\.\\S+ "
                    + ".*\\(shadowed by org\\.jobshell\\.example\\.sitecpuaffinity .*\\n"
                    + "cpu-affinity +100 +active +org\\.jobshell\\.example\\.sitecpuaffinity +0\\.1\\.0\\.\\S+ .*";
            Distribution.Run list = dist.run("plugins");
            assertTrue(list.stdout().matches(both), list.stdout());
            Distribution.Run gogo = dist.run("console", "-c", "jobshell:plugins");
            assertTrue(gogo.stdout().matches(both), "the console shows the same: " + gogo);
            Distribution.Run job = dist.run("run", "sh", "-c", BINDING);
            assertEquals(0, job.exitCode(), job.toString());
            assertTrue(!job.stdoutLines().isEmpty() && !job.stdoutLines().contains("none"), job.stdout());

            delete(jar);
            awaitPlugins("cpu-affinity +36 +active .*");
            assertTrue(dist.run("console", "-c", "jobshell:plugins").stdout().matches(
                    "(?s).*\\ncpu-affinity +36 +active +org\\.jobshell\\.plugin\\.cpuaffinity .*"));
            assertEquals(List.of("none"), dist.run("run", "sh", "-c", BINDING).stdoutLines());
            assertTrue(daemon.log().contains("site-cpu-affinity.jar: deployed org.jobshell.example.sitecpuaffinity"),
                    daemon.log());
            assertTrue(daemon.log().contains("site-cpu-affinity.jar: removed org.jobshell.example.sitecpuaffinity"),
                    daemon.log());
            RunningDaemon.await("plugin.removed", 30, () -> firstIndexOf(events, "plugin.removed") >= 0);
            int added = firstIndexOf(events, "plugin.added");
            assertTrue(added >= 0 && added < firstIndexOf(events, "plugin.removed"), events.lines().toString());
        }
    }

    /** @return the index of the first event of a type about the site plugin, or -1 */
    private static int firstIndexOf(RawClient events, String type) {
        List<String> lines = events.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"type\":\"" + type + "\"") && lines.get(i).contains("sitecpuaffinity")) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aJobRunningWhileItsPluginJarIsDeletedFinishesWithThePluginsItStartedWith() throws Exception {
        Path jar = deploy("bundle.site-cpu-affinity", "site-cpu-affinity.jar");
        awaitPlugins("cpu-affinity +100 +active .*");
        Path gate = dir.resolve("gate");
        String id = dist.run("submit", "sh", "-c", "while [ ! -e " + gate + " ]; do sleep 0.05; done; " + BINDING)
                .stdout().trim();
        delete(jar);
        awaitPlugins("cpu-affinity +36 +active .*");
        assertEquals(List.of("none"), dist.run("run", "sh", "-c", BINDING).stdoutLines(), "a new job: the builtin");
        assertTrue(dist.run("jobs").stdout().contains(id + "  root   running"), "the first job still runs");
        Files.createFile(gate);
        Distribution.Run first = dist.run("attach", id);
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(!first.stdoutLines().contains("none"), "it kept the site plugin: " + first);
        assertEquals("", first.stderr(), "and none of its callbacks was dropped");
    }

    @Test
    void brokenJarsAreReportedOnceByNameAndChangeNothingElse() throws Exception {
        Path plugins = dist.home().resolve("plugins");
        Path notAJar = Files.writeString(plugins.resolve("not-a-jar.jar"), "just text");
        Path unresolvable = deploy("bundle.unresolvable", "needs-missing-package.jar");
        Path throwing = deploy("bundle.throws-in-activate", "throws-in-activate.jar");
        awaitPlugins("throws-in-activate\\.jar +- +failed .*");
        Distribution.Run list = dist.run("plugins");
        assertTrue(list.stdout().matches("(?s).*\nnot-a-jar\\.jar +- +failed +- +- +not a jar .*"), list.stdout());
        assertTrue(list.stdout().matches("(?s).*\nneeds-missing-package\\.jar +- +failed +org\\.jobshell\\.fixture\\.\\S+ "
                + "+\\S+ +cannot resolve: no bundle exports package org\\.nowhere.*"), list.stdout());
        assertTrue(list.stdout().matches("(?s).*\nthrows-in-activate\\.jar +- +failed .* component .* failed to activate.*"),
                list.stdout());
        assertTrue(list.stdout().matches("(?s).*\noutput +27 +active .*\ncpu-affinity +36 +active .*"),
                "the builtins are unchanged: " + list);
        Distribution.Run job = dist.run("run", "echo", "ran");
        assertEquals(List.of("ran"), job.stdoutLines(), job.toString());
        for (String name : List.of("not-a-jar.jar", "needs-missing-package.jar", "throws-in-activate.jar")) {
            assertEquals(1, daemon.log().split(name + ": failed: ", -1).length - 1, "reported once: " + name + "\n"
                    + daemon.log());
        }
        delete(notAJar);
        delete(unresolvable);
        delete(throwing);
        awaitGone("failed");
    }

    @Test
    void aJarCopiedOverItselfIsReplacedAndTwoCopiesSideBySideLeaveOneActive() throws Exception {
        Path plugins = dist.home().resolve("plugins");
        try {
            int before = daemon.log().split("replaced.jar: deployed", -1).length;
            deploy("bundle.site-cpu-affinity", "replaced.jar");
            awaitPlugins("cpu-affinity +100 +active .*");
            Thread.sleep(20); // a copy with a later time
            deploy("bundle.site-cpu-affinity", "replaced.jar");
            RunningDaemon.await("the replacement to be deployed", 30,
                    () -> daemon.log().split("replaced.jar: deployed", -1).length == before + 2);
            RunningDaemon.await("the replaced bundle to leave", 30, () -> siteRows().size() == 1);
            deploy("bundle.site-cpu-affinity", "replaced-copy.jar");
            RunningDaemon.await("the second copy", 30, () -> siteRows().size() == 2);
            List<String> rows = siteRows();
            assertTrue(rows.get(0).matches("cpu-affinity +100 +shadowed .*") && rows.get(1).matches(
                    "cpu-affinity +100 +active .*"), "equal ranking: the later installed wins: " + rows);
        } finally {
            Files.deleteIfExists(plugins.resolve("replaced.jar"));
            Files.deleteIfExists(plugins.resolve("replaced-copy.jar"));
            awaitPlugins("cpu-affinity +36 +active .*");
        }
    }

    @Test
    void aJarStillBeingCopiedIsNeverInstalled() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(System.getProperty("bundle.site-cpu-affinity")));
        Path jar = dist.home().resolve("plugins/slow-copy.jar");
        Files.write(jar, Arrays.copyOf(bytes, bytes.length / 2));
        awaitPlugins("slow-copy\\.jar +- +failed .*not a jar.*");
        assertTrue(siteRows().isEmpty(), "half a jar is not installed: " + siteRows());
        Files.write(jar, bytes);
        awaitPlugins("cpu-affinity +100 +active .*");
        delete(jar);
        awaitPlugins("cpu-affinity +36 +active .*");
    }

    @Test
    void aConfigurationFileInEtcReachesTheNextJobAndDeletingItUndoesIt() throws Exception {
        Path cfg = dist.home().resolve("etc/org.jobshell.core.cfg");
        Files.writeString(cfg, "max.tasks=3\n");
        RunningDaemon.await("the setting to apply", 30, () -> dist.run("run", "-n", "4", "true").exitCode() == 1);
        Distribution.Run refused = dist.run("run", "-n", "4", "true");
        assertTrue(refused.stderr().contains("this container takes at most 3 (setting max.tasks"), refused.toString());
        delete(cfg);
        RunningDaemon.await("the setting to go", 30, () -> dist.run("run", "-n", "4", "true").exitCode() == 0);
    }

    /** @return the rows of the site cpu-affinity plugins (not the builtin's, which names them as its shadow) */
    private static List<String> siteRows() {
        return dist.run("plugins").stdoutLines().stream()
                .filter(l -> l.matches("cpu-affinity +100 +\\S+ +org\\.jobshell\\.example\\.sitecpuaffinity .*"))
                .collect(Collectors.toList());
    }

    /** Copies a bundle into plugins/ as admins should: a copy under another name, then a rename. */
    private static Path deploy(String bundleProperty, String name) {
        Path plugins = dist.home().resolve("plugins");
        try {
            Path part = Files.copy(Path.of(System.getProperty(bundleProperty)), plugins.resolve(name + ".part"),
                    StandardCopyOption.REPLACE_EXISTING);
            return Files.move(part, plugins.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path jar) {
        try {
            Files.delete(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a line of {@code jobshell plugins} matches. */
    static void awaitPlugins(String line) {
        RunningDaemon.await("a plugins line matching " + line, 30, () -> dist.run("plugins").stdoutLines().stream()
                .anyMatch(l -> l.matches(line)));
    }

    private static void awaitGone(String word) {
        RunningDaemon.await("no plugins line with " + word, 30, () -> dist.run("plugins").stdoutLines().stream()
                .noneMatch(l -> l.contains(word)));
    }
}
