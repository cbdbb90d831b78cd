package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admins drop plugin bundles into plugins/: replacements, optional plugins, failing plugins. */
class PluginDeployIT {

    @TempDir
    Path dir;

    @Test
    void theBuiltinsAreListedActiveInLoadOrder() {
        Distribution dist = Distribution.copyInto(dir);
        Distribution.Run r = dist.run("plugins");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(row(r, "output").matches("output +27 +active +org\\.jobshell\\.plugin\\.output .*"), r.stdout());
        assertTrue(row(r, "cpu-affinity").contains("shell.init,task.exec"), r.stdout());
        String[][] builtins = {{"tmpdir", "3", "tmpdir"}, {"files", "6", "files"}, {"evlog", "12", "evlog"},
            {"pmi-simple", "15", "pmisimple"}, {"input", "18", "input"}, {"output", "27", "output"},
            {"kill_event_handler", "30", "killeventhandler"}, {"signals", "33", "signals"},
            {"cpu-affinity", "36", "cpuaffinity"}, {"gpu-affinity", "39", "gpuaffinity"}, {"task-exit", "54", "taskexit"},
            {"tasks-complete", "60", "taskscomplete"}, {"rlimit", "63", "rlimit"}, {"taskmap.cyclic", "66", "taskmap.cyclic"},
            {"taskmap.hostfile", "69", "taskmap.hostfile"}, {"signal", "72", "signal"}, {"oom", "75", "oom"},
            {"env-expand", "84", "envexpand"}};
        List<String> order = new ArrayList<>();
        for (String[] builtin : builtins) {
            assertTrue(row(r, builtin[0]).matches(builtin[0].replace(".", "\\.") + " +" + builtin[1]
                    + " +active +org\\.jobshell\\.plugin\\." + builtin[2].replace(".", "\\.") + " .*"), r.stdout());
            order.add(builtin[0]);
        }
        List<String> listed = r.stdoutLines().stream().map(l -> l.split(" +")[0]).filter(order::contains)
                .collect(Collectors.toList());
        assertEquals(order, listed, "the builtins in load order: " + r.stdout());
    }

    @Test
    void aSitePluginWithTheSameNameReplacesTheBuiltinUntilItIsRemoved() throws Exception {
        Distribution dist = Distribution.copyInto(dir);
        Path jar = dist.addPlugin("bundle.site-cpu-affinity");
        Distribution.Run list = dist.run("plugins");
        List<String> rows = list.stdoutLines().stream().filter(l -> l.startsWith("cpu-affinity"))
                .collect(Collectors.toList());
        assertEquals(2, rows.size(), list.stdout());
        assertTrue(rows.get(0).matches("cpu-affinity +36 +shadowed +org\\.jobshell\\.plugin\\.cpuaffinity .*"
                + "\\(shadowed by org\\.jobshell\\.example\\.sitecpuaffinity .*\\)"), rows.get(0));
        assertTrue(rows.get(1).matches("cpu-affinity +100 +active +org\\.jobshell\\.example\\.sitecpuaffinity .*"),
                rows.get(1));

        Distribution.Run job = dist.run("run", "-n", "2", "sh", "-c", "echo ${JOBSHELL_CPU_BINDING:-none}");
        assertEquals(0, job.exitCode(), job.toString());
        assertTrue(job.stdoutLines().stream().noneMatch("none"::equals), job.stdout());

        Files.delete(jar);
        Distribution.Run after = dist.run("run", "-n", "2", "sh", "-c", "echo ${JOBSHELL_CPU_BINDING:-none}");
        assertEquals(List.of("none", "none"), after.stdoutLines());
    }

    @Test
    void aPluginFailingShellInitFailsTheJobWithOneLineNamingIt() {
        Distribution.Run r = runWithFaulty("faulty=shell.init", "echo", "never");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(onlyStderrLine(r).matches("jobshell\\[0\\]: FATAL: plugin 'faulty': shell\\.init failed: "
                + "faulty was told to fail in shell\\.init \\(bundle org\\.jobshell\\.fixture\\.faulty .*\\)"),
                r.stderr());
    }

    @Test
    void theSamePluginMarkedOptionalOnlyWarns() {
        Distribution.Run r = runWithFaulty("faulty-optional=shell.init", "echo", "ran");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("ran"), r.stdoutLines());
        assertTrue(onlyStderrLine(r).startsWith("jobshell[0]:  WARN: plugin 'faulty-optional': shell.init failed"),
                r.stderr());
    }

    @Test
    void aPluginFailingTaskExitIsLoggedAndTheJobSucceeds() {
        Distribution.Run r = runWithFaulty("faulty=task.exit", "echo", "ran");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("ran"), r.stdoutLines());
        assertTrue(onlyStderrLine(r).startsWith("jobshell[0]: ERROR: plugin 'faulty': task.exit failed: "
                + "faulty was told to fail in task.exit"), r.stderr());
    }

    /** Runs a job with the faulty fixture in plugins/ and one {@code -o} option. */
    private Distribution.Run runWithFaulty(String option, String... command) {
        Distribution dist = Distribution.copyInto(dir);
        dist.addPlugin("bundle.faulty");
        List<String> args = new ArrayList<>(List.of("run", "-o", option));
        args.addAll(List.of(command));
        return dist.run(args.toArray(new String[0]));
    }

    /** @return the one line on stderr, failing when there are more or none */
    private static String onlyStderrLine(Distribution.Run r) {
        assertEquals(1, r.stderrLines().size(), r.toString());
        return r.stderrLines().get(0);
    }

    private static String row(Distribution.Run r, String name) {
        return r.stdoutLines().stream().filter(l -> l.startsWith(name + " ")).findFirst().orElse("");
    }
}
