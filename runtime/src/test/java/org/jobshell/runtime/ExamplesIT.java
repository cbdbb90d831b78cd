package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example plugins of examples/, deployed as their READMEs say (the jar into plugins/), doing what
 * their READMEs say they print.
 */
class ExamplesIT extends SharedDistributionTestBase {

    @BeforeAll
    static void deployTheExamples() {
        for (String example : List.of("env", "taskmap-reverse", "exit-monitor", "config-test")) {
            dist.addPlugin("bundle.example-" + example);
        }
    }

    private static List<String> sorted(Distribution.Run r) {
        return r.stdoutLines().stream().sorted().collect(Collectors.toList());
    }

    @Test
    void envGivesEachTaskItsLocalRank() {
        Distribution.Run r = dist.run("run", "--label-io", "-n4", "printenv", "MY_LOCAL_RANK");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: 0", "1: 1", "2: 2", "3: 3"), sorted(r));
    }

    @Test
    void envCountsPerShell() {
        Distribution.Run r = dist.run("run", "--label-io", "-N2", "-n4", "printenv", "MY_LOCAL_RANK");
        assertEquals(List.of("0: 0", "1: 1", "2: 0", "3: 1"), sorted(r));
    }

    @Test
    void taskmapReversePutsTheFirstTasksOnTheLastShell() {
        Distribution.Run r = dist.run("run", "-N4", "-n4", "--taskmap=reverse", "--label-io", "printenv",
                "JOBSHELL_SHELL_RANK");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: 3", "1: 2", "2: 1", "3: 0"), sorted(r));
    }

    @Test
    void exitMonitorLogsAFailingTask() {
        Distribution.Run r = dist.run("run", "-n1", "false");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: exit-monitor: task 0 exited with code 1"), r.stderrLines());
    }

    @Test
    void exitMonitorIsQuietWhenTasksSucceed() {
        Distribution.Run r = dist.run("run", "-n2", "true");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stderrLines().stream().noneMatch(l -> l.contains("exit-monitor")), r.stderr());
    }

    @Test
    void configTestSaysWhichOptionsItGot() {
        Distribution.Run r = dist.run("run", "-o", "config-test.mode=advanced", "-o", "config-test.level=2", "true");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: config-test: initialized with mode=advanced, level=2"), r.stderrLines());
    }

    @Test
    void configTestsOptionsAreCheckedBeforeAnyTaskAndListed() {
        Distribution.Run bad = dist.run("run", "-o", "config-test.mode=fast", "echo", "started");
        assertEquals(1, bad.exitCode(), bad.toString());
        assertEquals("", bad.stdout());
        assertEquals(List.of("jobshell[0]: FATAL: option config-test.mode: must be one of basic, advanced, expert, "
                + "got \"fast\" (plugin config-test)"), bad.stderrLines());
        Distribution.Run typo = dist.run("run", "-o", "config-test.levle=2", "true");
        assertEquals(0, typo.exitCode(), typo.toString());
        assertEquals(List.of("jobshell[0]:  WARN: unknown option 'config-test.levle', did you mean "
                + "'config-test.level'?", "jobshell[0]: config-test: initialized with mode=basic, level=1"),
                typo.stderrLines());
        Distribution.Run help = dist.run("run", "--help-options");
        assertTrue(help.stdout().contains("  -o config-test.mode=basic|advanced|expert   (plugin config-test, "
                + "default basic)\n        how much config-test does\n"), help.stdout());
    }

    @Test
    void theExamplesAreListedWithTheirBundles() {
        Distribution.Run r = dist.run("plugins");
        for (String row : List.of("env +100 +active +org\\.jobshell\\.example\\.env .*task\\.init",
                "taskmap\\.reverse +100 +active +org\\.jobshell\\.example\\.taskmapreverse .*taskmap\\.reverse",
                "exit-monitor +100 +active +org\\.jobshell\\.example\\.exitmonitor .*task\\.exit",
                "config-test +100 +active +org\\.jobshell\\.example\\.configtest .*shell\\.init")) {
            assertTrue(r.stdoutLines().stream().anyMatch(l -> l.matches(row)), row + "\n" + r.stdout());
        }
    }
}
