package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets one line {@code jobshell: error: ...} and exit 1, never a stack trace. */
class BadInputIT extends SharedDistributionTestBase {

    /** Writes the bad jobspecs beside the distribution. */
    @BeforeAll
    static void writeJobspecs() throws Exception {
        Files.writeString(dir.resolve("notjson.json"), "{\"tasks\": [");
        Files.writeString(dir.resolve("notasks.json"), "{\"version\": 1, \"resources\": []}");
        Files.writeString(dir.resolve("badcommand.json"),
                "{\"version\":1,\"tasks\":[{\"command\":\"hostname\",\"count\":{\"total\":1}}]}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "run --foo true| jobshell: error: run: unknown option '--foo' (see jobshell run --help)",
        "run -n 0 true| jobshell: error: -n: must be a positive integer, got '0'",
        "run -n x true| jobshell: error: -n: must be a positive integer, got 'x'",
        "run| jobshell: error: run: no command given (see jobshell run --help)",
        "frobnicate| jobshell: error: unknown command 'frobnicate' (see jobshell --help)",
        "plugins --bogus| jobshell: error: plugins: unknown argument '--bogus' (see jobshell plugins --help)",
    })
    void badArguments(String args, String line) {
        Distribution.Run r = dist.run(args.split(" "));
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of(line), r.stderrLines());
        assertEquals("", r.stdout());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "notjson.json| not JSON: Unexpected end-of-input",
        "notasks.json| jobspec: tasks: missing",
        "badcommand.json| jobspec: tasks[0].command: must be a non-empty array of strings",
        "missing.json| no such file",
    })
    void badJobspecs(String file, String problem) {
        Path path = dir.resolve(file);
        Distribution.Run r = dist.run("run", "--jobspec", path.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(1, r.stderrLines().size(), r.toString());
        String line = r.stderrLines().get(0);
        assertTrue(line.startsWith("jobshell: error: --jobspec " + path + ": " + problem), line);
    }

    @Test
    void aJarInPluginsThatIsNotABundleIsSkippedWithOneWarning() throws Exception {
        Distribution broken = Distribution.copyInto(dir.resolve("broken"));
        Path junk = broken.home().resolve("plugins/junk.jar");
        Files.writeString(junk, "not a jar");
        Distribution.Run r = broken.run("run", "echo", "still runs");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("still runs"), r.stdoutLines());
        assertEquals(1, r.stderrLines().size(), r.toString());
        assertTrue(r.stderrLines().get(0).startsWith("jobshell: warning: " + junk + ": not a usable bundle, skipped"),
                r.stderr());
    }

    @Test
    void aBadSiteSettingRefusesJobsWithOneLineNamingIt() throws Exception {
        Distribution site = Distribution.copyInto(dir.resolve("site"));
        Files.writeString(site.home().resolve("etc/jobshell.properties"), "jobshell.watchdog.fail.ms=soon\n");
        Distribution.Run r = site.run("run", "true");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell: error: bad setting: jobshell.watchdog.fail.ms (etc/jobshell.properties): "
                + "must be a number of milliseconds >= 0, got 'soon'"), r.stderrLines());
    }

    @Test
    void theSiteChoosesWhereJobsAreKept() throws Exception {
        Distribution site = Distribution.copyInto(dir.resolve("var-site"));
        Path var = dir.resolve("elsewhere");
        Files.writeString(site.home().resolve("etc/jobshell.properties"), "jobshell.var.dir=" + var + "\n");
        Distribution.Run r = site.run("run", "-v", "true");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("(" + var.resolve("jobs")), r.stderr());
    }
}
