package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
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
    })
    void badJobspecs(String file, String problem) {
        Path path = dir.resolve(file);
        Distribution.Run r = dist.run("run", "--jobspec", path.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(1, r.stderrLines().size(), r.toString());
        String line = r.stderrLines().get(0);
        assertTrue(line.startsWith("jobshell: error: --jobspec " + path + ": " + problem), line);
    }

    /** A valid jobspec running {@code true}, in which each case below changes one thing. */
    private static final String VALID = "{'version':1,'resources':[{'type':'slot','count':1,'label':'task',"
            + "'with':[{'type':'core','count':1}]}],"
            + "'tasks':[{'command':['true'],'slot':'task','count':{'per_slot':1}}],"
            + "'attributes':{'system':{'duration':0}}}";

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'version':1,| | jobspec: version: missing",
        "'resources':[{'type':'slot','count':1,'label':'task','with':[{'type':'core','count':1}]}],| "
            + "| jobspec: resources: missing",
        "'label':'task',| | jobspec: resources[0].label: missing: a slot needs a label, which tasks[0].slot names",
        "'slot':'task'| 'slot':'tasks'"
            + "| jobspec: tasks[0].slot: names no slot: \"tasks\" (the slot's label is \"task\")",
        "'duration':0| 'duration':0,'duration':1"
            + "| jobspec: attributes.system.duration: appears twice (line 1, column 219)",
        "}}}| }}} {}| not JSON: data after the jobspec's end (line 1, column 212)",
    })
    void whatRfc14ForbidsIsRefusedWithItsJsonPath(String replaced, String by, String problem) throws Exception {
        Path file = dir.resolve("strict-" + Integer.toHexString(replaced.hashCode()) + ".json");
        Files.writeString(file, VALID.replace(replaced, by == null ? "" : by).replace('\'', '"'));
        Distribution.Run r = dist.run("run", "--jobspec", file.toString());
        assertEquals(List.of("jobshell: error: --jobspec " + file + ": " + problem), r.stderrLines(), r.toString());
        assertEquals(1, r.exitCode(), r.toString());
    }

    @Test
    void theValidJobspecOfThoseCasesRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("valid.json"), VALID.replace('\'', '"'));
        Distribution.Run r = dist.run("run", "--jobspec", file.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.stderr());
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithTheReason() {
        Path missing = dir.resolve("missing.json");
        assertEquals(List.of("jobshell: error: cannot read " + missing + ": No such file or directory"),
                dist.run("run", "--jobspec", missing.toString()).stderrLines());
        assertEquals(List.of("jobshell: error: cannot read " + dir + ": Is a directory"),
                dist.run("run", "--jobspec", dir.toString()).stderrLines());
        assertEquals(List.of("jobshell: error: --env=^" + missing + ": cannot read " + missing
                + ": No such file or directory"), dist.run("run", "--env=^" + missing, "true").stderrLines());
    }

    @Test
    void anEmptyCommandIsAUsageErrorThatMentionsNoJobspec() {
        Distribution.Run r = dist.run("run", "");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell: error: run: the command is an empty word ('')"), r.stderrLines());
    }

    @Test
    void environmentRulesExpandFromTheRulesAppliedSoFar() {
        Distribution.Run r = dist.run("run", "--env=A=1", "--env=B=$A-2", "printenv", "B");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("1-2"), r.stdoutLines());
    }

    @Test
    void aJavaHomeThatIsNotAJdkIsOneLine() {
        Distribution.Run r = Distribution.Run.of(dist.startWith(Path.of("/nowhere"), "run", "true"));
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell: error: JAVA_HOME=/nowhere: no bin/java there"), r.stderrLines());
    }

    @Test
    void aJarInPluginsWithoutAnOsgiManifestIsSkippedWithOneWarning() throws Exception {
        Distribution plain = Distribution.copyInto(dir.resolve("plain"));
        Path jar = plain.home().resolve("plugins/plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(new byte[] {(byte) 0xca, (byte) 0xfe});
        }
        Distribution.Run r = plain.run("run", "echo", "still runs");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("still runs"), r.stdoutLines());
        assertEquals(List.of("jobshell: warning: " + jar + ": not an OSGi bundle, skipped (its manifest has no "
                + "Bundle-SymbolicName)"), r.stderrLines());
    }

    @Test
    void siteSettingsThatCannotBeReadAreNamed() throws Exception {
        Distribution site = Distribution.copyInto(dir.resolve("unreadable"));
        Path file = Files.createDirectory(site.home().resolve("etc/jobshell.properties"));
        Distribution.Run r = site.run("run", "true");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell: error: cannot read " + file + ": Is a directory"), r.stderrLines());
    }

    @Test
    void aRelativeVarDirIsInTheInstallationWhereverJobshellRuns() throws Exception {
        Distribution site = withSettings("relative-var", "jobshell.var.dir=data/var\n");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere-cwd"));
        Distribution.Run r = Distribution.Run.of(
                site.start(pb -> pb.directory(elsewhere.toFile()), "run", "-v", "true"));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(site.home().resolve("data/var/jobs"), JobRecord.ofVerbose(r).dir().getParent());
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jobshell.watchdog.fail.ms=soon| 1| jobshell: error: bad setting: jobshell.watchdog.fail.ms "
            + "(etc/jobshell.properties): must be a number of milliseconds >= 0, got 'soon'",
        "jobshell.watchdog.fail=5000| 0| jobshell: warning: etc/jobshell.properties: unknown setting "
            + "'jobshell.watchdog.fail' (see docs/OPERATIONS.md)",
    })
    void aBadSiteSettingIsOneLineNamingIt(String setting, int exitCode, String line) throws Exception {
        Distribution site = withSettings("site-" + exitCode, setting + "\n");
        Distribution.Run r = site.run("run", "true");
        assertEquals(exitCode, r.exitCode(), r.toString());
        assertEquals(List.of(line), r.stderrLines());
    }

    @Test
    void theSiteChoosesWhereJobsAreKept() throws Exception {
        Path var = dir.resolve("elsewhere");
        Distribution site = withSettings("var-site", "jobshell.var.dir=" + var + "\n");
        Distribution.Run r = site.run("run", "-v", "true");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("(" + var.resolve("jobs")), r.stderr());
    }

    /** @return a copy of the distribution named {@code name} with these etc/jobshell.properties */
    private static Distribution withSettings(String name, String properties) throws Exception {
        Distribution site = Distribution.copyInto(dir.resolve(name));
        Files.writeString(site.home().resolve("etc/jobshell.properties"), properties);
        return site;
    }
}
