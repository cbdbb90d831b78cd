package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admins drop plugin bundles into plugins/: replacements, optional plugins, failing plugins. */
class PluginDeployIT {

    @TempDir
    Path dir;

    @Test
    void theBuiltinsAreListedActive() {
        Distribution dist = Distribution.copyInto(dir);
        Distribution.Run r = dist.run("plugins");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(row(r, "output").matches("output +27 +active +org\\.jobshell\\.plugin\\.output .*"), r.stdout());
        assertTrue(row(r, "cpu-affinity").contains("shell.init,task.exec"), r.stdout());
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
        Distribution dist = Distribution.copyInto(dir);
        dist.addPlugin("bundle.faulty");
        Distribution.Run r = dist.run("run", "-o", "faulty=shell.init", "echo", "never");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals(1, r.stderrLines().size(), r.toString());
        assertTrue(r.stderrLines().get(0).matches("jobshell\\[0\\]: FATAL: plugin 'faulty': shell\\.init failed: "
                + "faulty was told to fail in shell\\.init \\(bundle org\\.jobshell\\.fixture\\.faulty .*\\)"),
                r.stderr());
    }

    @Test
    void theSamePluginMarkedOptionalOnlyWarns() {
        Distribution dist = Distribution.copyInto(dir);
        dist.addPlugin("bundle.faulty");
        Distribution.Run r = dist.run("run", "-o", "faulty-optional=shell.init", "echo", "ran");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("ran"), r.stdoutLines());
        assertEquals(1, r.stderrLines().size(), r.toString());
        assertTrue(r.stderrLines().get(0).startsWith("jobshell[0]:  WARN: plugin 'faulty-optional': shell.init failed"),
                r.stderr());
    }

    @Test
    void aPluginFailingTaskExitIsLoggedAndTheJobSucceeds() {
        Distribution dist = Distribution.copyInto(dir);
        dist.addPlugin("bundle.faulty");
        Distribution.Run r = dist.run("run", "-o", "faulty=task.exit", "echo", "ran");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("ran"), r.stdoutLines());
        assertEquals(1, r.stderrLines().size(), r.toString());
        assertTrue(r.stderrLines().get(0).startsWith("jobshell[0]: ERROR: plugin 'faulty': task.exit failed: "
                + "faulty was told to fail in task.exit"), r.stderr());
    }

    private static String row(Distribution.Run r, String name) {
        return r.stdoutLines().stream().filter(l -> l.startsWith(name + " ")).findFirst().orElse("");
    }
}
