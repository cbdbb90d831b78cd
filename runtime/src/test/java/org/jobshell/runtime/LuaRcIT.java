package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lua rc files as job users write them (-o userrc, -o initrc): the §10 B scenarios of the reference
 * that are about what a user sees, run through {@code bin/jobshell} with the shipped initrc.
 */
class LuaRcIT extends SharedDistributionTestBase {

    /** Where each test writes its rc files and runs its job. */
    @TempDir
    Path work;

    private Path write(String name, String text) {
        try {
            Path f = work.resolve(name);
            Files.createDirectories(f.getParent());
            return Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code bin/jobshell args...} in the test's directory. */
    private Distribution.Run run(String... args) {
        return Distribution.Run.of(dist.start(pb -> pb.directory(work.toFile()), args));
    }

    /** Runs a one-task job {@code true} with {@code rc.lua} holding {@code rc} as the userrc. */
    private Distribution.Run userrc(String rc, String... more) {
        write("rc.lua", rc);
        List<String> args = new java.util.ArrayList<>(List.of("run", "-o", "userrc=rc.lua"));
        args.addAll(List.of(more));
        if (more.length == 0) {
            args.add("true");
        }
        return run(args.toArray(new String[0]));
    }

    private static List<String> linesWith(Distribution.Run r, String text) {
        return r.stderrLines().stream().filter(l -> l.contains(text)).collect(Collectors.toList());
    }

    @Test
    void aTaskInitHandlerOfTheUserrcSetsEachTasksEnvironment() {
        Distribution.Run r = userrc("plugin.register { name = 'rank-foo', handlers = {\n"
                + "  { topic = 'task.init', fn = function() task.setenv('FOO', tostring(task.info.rank)) end } } }\n",
                "-n", "2", "printenv", "FOO");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0", "1"), r.stdoutLines().stream().sorted().collect(Collectors.toList()), r.toString());
        assertEquals("", r.stderr());
    }

    @Test
    void aSyntaxErrorInTheUserrcFailsTheJobWithFileAndLineInOneLine() {
        Distribution.Run r = userrc("-- my rc\nx = =\n");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: loading rc file rc.lua:2: unexpected symbol near '='"),
                r.stderrLines(), r.toString());
    }

    @Test
    void reRegisteringANameReplacesTheHandlersWholesale() { // B8
        Distribution.Run r = userrc("plugin.register { name = 'test', handlers = { { topic = '*', fn = function(t)\n"
                + "  shell.log_error('the * handler ran for ' .. t); return false end } } }\n"
                + "plugin.register { name = 'test', handlers = {\n"
                + "  { topic = 'shell.*', fn = function(t) assert(t:sub(1, 6) == 'shell.'); if t ~= 'shell.log' then "
                + "shell.log('saw ' .. t) end end },\n"
                + "  { topic = 'task.*', fn = function(t) assert(t:sub(1, 5) == 'task.'); shell.log('saw ' .. t) end } } }\n");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of(), linesWith(r, "the * handler"), r.toString());
        assertEquals(List.of("saw shell.init", "saw shell.post-init", "saw task.init", "saw task.exec", "saw task.fork",
                "saw shell.start", "saw task.exit", "saw shell.finish", "saw shell.finished", "saw shell.tasks-complete",
                "saw shell.exit"),
                r.stderrLines().stream().map(l -> l.replace("jobshell[0]: test: ", "")).collect(Collectors.toList()));
    }

    @Test
    void registerWithoutHandlersFailsNamingTheLine() { // B9
        Distribution.Run r = userrc("\nplugin.register {}\n");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: loading rc file rc.lua:2: plugin.register: required handlers table "
                + "missing"), r.stderrLines());
    }

    @Test
    void handlersThatAreNotAnArrayFail() { // B10
        Distribution.Run r = userrc("plugin.register { handlers = { topic = '*', fn = function() end } }\n");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: loading rc file rc.lua:1: plugin.register: handlers table exists "
                + "but has no entries. (not an array?)"), r.stderrLines());
    }

    @Test
    void aHandlerReturningFalseFailsShellInit() { // B11
        Distribution.Run r = userrc("plugin.register { name = 'failed-return',\n"
                + "  handlers = { { topic = '*', fn = function() return false end } } }\n", "echo", "never");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        // a '*' handler is called for shell.log and shell.exit too, which it fails as well (as in the reference)
        assertEquals("jobshell[0]: FATAL: plugin 'failed-return': shell.init failed: the function of rc.lua:2 "
                + "returned false (Lua file rc.lua)", r.stderrLines().get(0), r.toString());
    }

    @Test
    void aHandlerRaisingAnErrorFailsTaskInitNamingItsLine() {
        Distribution.Run r = userrc("plugin.register { name = 'raiser', handlers = { { topic = 'task.init',\n"
                + "  fn = function()\n    error('no budget for task ' .. task.info.rank)\n  end } } }\n",
                "echo", "never");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: plugin 'raiser': task.init failed: rc.lua:3: no budget for task 0 "
                + "(Lua file rc.lua)"), r.stderrLines());
    }

    @Test
    void theTaskTableOutsideATaskFails() { // B12
        Distribution.Run r = userrc("local i = task.info\n");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: loading rc file rc.lua:1: attempt to access task outside of task "
                + "context"), r.stderrLines());
    }

    @Test
    void shellFunctionsAreReadOnly() { // B13
        Distribution.Run r = userrc("shell.getenv = 'x'\n");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: loading rc file rc.lua:1: attempt to set read-only field "
                + "shell.getenv"), r.stderrLines());
    }

    @Test
    void anInitrcThatDoesNotCompileFailsTheJob() { // B14
        write("bad-initrc.lua", "=\n");
        Distribution.Run r = run("run", "-o", "initrc=bad-initrc.lua", "true");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: loading rc file bad-initrc.lua:1: unexpected symbol near '='"),
                r.stderrLines());
    }

    @Test
    void aMissingInitrcFailsAndAnEmptyOneRuns() { // B15
        Distribution.Run missing = run("run", "-o", "initrc=nosuchfile", "true");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertEquals(List.of("jobshell[0]: FATAL: loading rc file nosuchfile: No such file or directory"),
                missing.stderrLines());
        Distribution.Run empty = run("run", "-o", "initrc=/dev/null", "-o", "verbose=1", "echo", "ran");
        assertEquals(0, empty.exitCode(), empty.toString());
        assertEquals("ran\n", empty.stdout());
        assertTrue(empty.stderrLines().contains("jobshell[0]: DEBUG: lua: Loading /dev/null"), empty.toString());
    }

    @Test
    void pluginLoadOfMissingFilesAndBadArguments() { // B16
        Distribution.Run nofile = userrc("plugin.load { file = 'nofile.lua' }\n");
        assertEquals(1, nofile.exitCode(), nofile.toString());
        assertEquals(List.of("jobshell[0]: FATAL: loading rc file rc.lua:1: plugin.load: nofile.lua: File not found"),
                nofile.stderrLines());
        Distribution.Run nomatch = userrc("plugin.load 'nomatch-again.jar'\n");
        assertEquals(1, nomatch.exitCode(), nomatch.toString());
        assertTrue(nomatch.stderr().contains("plugin.load: nomatch-again.jar: File not found"), nomatch.toString());
        Distribution.Run glob = userrc("plugin.load { file = 'nofile*.lua' }\n", "--label-io", "echo", "Hi");
        assertEquals(0, glob.exitCode(), glob.toString());
        assertEquals("0: Hi\n", glob.stdout());
        Distribution.Run bad = userrc("plugin.load(true)\n");
        assertEquals(1, bad.exitCode(), bad.toString());
        assertEquals(List.of("jobshell[0]: FATAL: loading rc file rc.lua:1: plugin.load: invalid argument"),
                bad.stderrLines());
    }

    @Test
    void aLuaPluginFileGetsItsConf() { // B17, with a Lua plugin file
        write("plugins/conftest.lua", "local conf = plugin.conf\n"
                + "plugin.register { name = 'conftest', handlers = { { topic = 'shell.init', fn = function()\n"
                + "  for _, k in ipairs(conf.keys) do shell.log('conftest: ' .. k .. '=' .. conf[k]) end end } } }\n");
        Distribution.Run r = userrc("plugin.searchpath = './plugins'\n"
                + "plugin.load { file = 'conftest.lua', conf = { keys = { 'one', 'two', 'three' }, one = 'foo', "
                + "two = 'two', three = 'bar' } }\n");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: conftest: conftest: one=foo", "jobshell[0]: conftest: conftest: two=two",
                "jobshell[0]: conftest: conftest: three=bar"), r.stderrLines());
    }

    @Test
    void aPluginBundleLoadedByTheRcGetsItsConfAndMayRefuseTheJob() throws Exception { // B17, B18 with a jar
        Path jar = Path.of(System.getProperty("bundle.loadable"));
        Files.copy(jar, work.resolve("dummy.jar"));
        Distribution.Run ok = userrc("plugin.load { file = './dummy.jar', conf = { result = 0, one = 'foo' } }\n");
        assertEquals(0, ok.exitCode(), ok.toString());
        assertEquals(List.of("jobshell[0]: dummy: dummy: OK result=0", "jobshell[0]: dummy: dummy: conf greeting=hello",
                "jobshell[0]: dummy: dummy: conf one=foo", "jobshell[0]: dummy: dummy: conf result=0"),
                ok.stderrLines().stream().sorted().collect(Collectors.toList()), ok.toString());
        Distribution.Run refused = userrc("plugin.load { file = './dummy.jar', conf = { result = -1 } }\n",
                "echo", "never");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertEquals("", refused.stdout());
        assertEquals("jobshell[0]: dummy: dummy: OK result=-1", refused.stderrLines().get(0), refused.toString());
        assertTrue(refused.stderrLines().get(1).matches("jobshell\\[0\\]: FATAL: loading rc file rc\\.lua:1: "
                + "plugin 'dummy': attach failed: dummy: conf result=-1 \\(bundle org\\.jobshell\\.fixture\\.loadable "
                + ".* \\(\\./dummy\\.jar\\)\\)"), refused.toString());
        assertEquals(2, refused.stderrLines().size(), refused.toString());
    }

    @Test
    void logFunctionsLogAtTheirLevels() { // B19
        Distribution.Run r = userrc("shell.log('test: shell.log')\nshell.debug('test: debug')\n"
                + "shell.log_error('test: error')\n", "-o", "verbose=1", "true");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stderrLines().containsAll(List.of("jobshell[0]: lua: test: shell.log",
                "jobshell[0]: DEBUG: lua: test: debug", "jobshell[0]: ERROR: lua: test: error")), r.toString());
    }

    @Test
    void shellDieFailsTheJob() { // B20
        Distribution.Run r = userrc("shell.die('test: shell.die')\n", "echo", "never");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: test: shell.die"), r.stderrLines());
    }

    @Test
    void eachShellSeesTheRankInfoOfEveryShell() { // B21
        Distribution.Run r = userrc("if shell.info.rank == 0 then\n"
                + "  shell.log('ntasks ' .. shell.get_rankinfo(0).ntasks .. ' ' .. shell.get_rankinfo(1).ntasks)\n"
                + "  local none, why = shell.get_rankinfo(2)\n  shell.log('rank 2: ' .. tostring(none) .. ', ' .. why)\n"
                + "end\n", "-N", "2", "-n", "3", "true");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("jobshell[0]: lua: ntasks 2 1", r.stderrLines().get(0), r.toString());
        assertTrue(r.stderrLines().get(1).startsWith("jobshell[0]: lua: rank 2: nil, shell.get_rankinfo: "),
                r.toString());
    }

    @Test
    void rcDirectoriesOfTheJobEnvironmentAreSourced() { // B22
        write("test-dir.d/test.lua", "shell.log('plugin loaded from test-dir.d')\n");
        Distribution.Run r = Distribution.Run.of(dist.start(pb -> {
            pb.directory(work.toFile());
            pb.environment().put("JOBSHELL_SHELL_RC_PATH", work.resolve("test-dir.d").toString());
        }, "run", "true"));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: lua: plugin loaded from test-dir.d"), r.stderrLines());
    }

    @Test
    void theSitesInitrcAndPluginPathComeFromItsSettings() { // B23
        Path initrc = write("site-initrc.lua", "shell.log('loaded test-initrc')\n"
                + "shell.log('plugin.searchpath = ' .. plugin.searchpath)\n");
        Distribution.Run r = Distribution.Run.of(dist.start(pb -> pb.environment().put("JOBSHELL_JAVA_OPTS",
                "-Djobshell.initrc=" + initrc + " -Djobshell.pluginpath=/test/foo"), "run", "true"));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: lua: loaded test-initrc", "jobshell[0]: lua: plugin.searchpath = /test/foo"),
                r.stderrLines());
    }

    @Test
    void optionsAndVerboseCanBeReadAndWritten() { // B24
        Distribution.Run r = userrc("assert(shell.options.test == 'test')\n"
                + "shell.options.mpi = 'bar'\nassert(shell.options.mpi == 'bar')\n"
                + "shell.options.mpi = nil\nassert(shell.options.mpi == nil)\nassert(shell.options.unknown == nil)\n"
                + "local seen = {}\nfor _, v in ipairs({ false, true, 1, 0 }) do shell.verbose = v; "
                + "seen[#seen + 1] = tostring(shell.verbose) end\n"
                + "shell.log('verbose ' .. table.concat(seen, ','))\n", "-o", "test=test", "true");
        assertEquals(0, r.exitCode(), r.toString());
        // no plugin declares 'test' (Lua code cannot declare options yet): the job says so once, and runs
        assertEquals(List.of("jobshell[0]: lua: verbose false,true,true,false", "jobshell[0]:  WARN: unknown option "
                + "'test': no plugin of this job declares it (see jobshell run --help-options)"), r.stderrLines());
    }

    @Test
    void anOptionSetInTheRcIsSeenByTheBuiltinsThatReadItLater() {
        Distribution.Run r = userrc("shell.options.output = { stdout = { label = true } }\n", "-n", "2", "echo", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: hi", "1: hi"), r.stdoutLines().stream().sorted().collect(Collectors.toList()),
                r.toString());
    }

    @Test
    void theJobAndTaskEnvironmentsFromLua() { // B25
        Distribution.Run r = userrc("shell.setenv('FOO', 'bar')\nassert(shell.getenv('FOO') == 'bar')\n"
                + "shell.unsetenv('FOO')\nassert(shell.getenv('FOO') == nil)\nassert(shell.getenv().TEST == 'job')\n"
                + "assert(select(2, shell.unsetenv('FOO')) ~= nil)\n"
                + "plugin.register { handlers = {\n"
                + "  { topic = 'task.init', fn = function()\n"
                + "      assert(task.getenv('TEST') == 'job')\n"
                + "      task.setenv('FOO', 'bar'); assert(task.getenv('FOO') == 'bar')\n"
                + "      task.setenv('GONE', 'x'); task.unsetenv('GONE'); assert(task.getenv('GONE') == nil)\n"
                + "    end },\n"
                + "  { topic = 'task.exec', fn = function() shell.log('task.exec sees FOO=' .. task.getenv('FOO')) end }"
                + " } }\n", "--env=TEST=job", "sh", "-c", "echo FOO=$FOO GONE=${GONE:-unset}");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("FOO=bar GONE=unset\n", r.stdout());
        assertEquals(List.of("jobshell[0]: rc.lua: task.exec sees FOO=bar"), r.stderrLines());
    }

    @Test
    void aLuaPluginOfLuaDNamedCpuAffinityReplacesTheBuiltinAndIsListedWithItsFile() throws Exception {
        Path snippet = dist.home().resolve("etc/lua.d/site-affinity.lua");
        Files.writeString(snippet, "plugin.register { name = 'cpu-affinity', handlers = {\n"
                + "  { topic = 'task.init', fn = function() task.setenv('BOUND_BY', 'lua') end } } }\n");
        try {
            Distribution.Run list = run("plugins");
            assertEquals(0, list.exitCode(), list.toString());
            List<String> rows = list.stdoutLines().stream().filter(l -> l.startsWith("cpu-affinity"))
                    .collect(Collectors.toList());
            assertEquals(2, rows.size(), list.stdout());
            assertTrue(rows.get(0).matches("cpu-affinity +36 +shadowed +org\\.jobshell\\.plugin\\.cpuaffinity .*"
                    + "\\(shadowed by Lua file " + snippet + "\\)"), rows.get(0));
            assertTrue(rows.get(1).matches("cpu-affinity +2147483647 +active +org\\.jobshell\\.lua .* task\\.init  "
                    + "\\(Lua file " + snippet + "\\)"), rows.get(1));

            // the builtin would give each task its own cores: the Lua plugin leaves them all the container's
            String all = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow().split("\\s+")[1];
            Distribution.Run job = run("run", "-n", "2", "-o", "cpu-affinity=per-task", "sh", "-c",
                    "echo $BOUND_BY $(grep Cpus_allowed_list /proc/self/status | cut -f2)");
            assertEquals(0, job.exitCode(), job.toString());
            assertEquals(List.of("lua " + all, "lua " + all), job.stdoutLines(), job.toString());
        } finally {
            Files.delete(snippet);
        }
    }
}
