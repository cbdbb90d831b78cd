package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shell options are checked against what the job's plugins declare before any task starts (issue 10,
 * item 5): a bad value is one line naming the option and the plugin, a typo a warning with the nearest
 * name, and {@code --help-options} lists them all.
 */
class OptionsIT extends SharedDistributionTestBase {

    @ParameterizedTest(name = "-o {0}")
    @CsvSource(delimiter = '#', value = {
        "cpu-affinity=bogus#option cpu-affinity: must be [dry-run,][verbose,](on|off|per-task|map:LIST), "
            + "got \"bogus\" (plugin cpu-affinity)",
        "cpu-affinity=map:0x0#option cpu-affinity: cpuset 0x0 contains no cores or is invalid (plugin cpu-affinity)",
        "output.limit=4G#option output.limit: must be a size from 1 to 1G (bytes, or N[kKMG]), got \"4G\" "
            + "(plugin output)",
        "output.stdout.label=yes#option output.stdout.label: must be true/false or an integer, got \"yes\" "
            + "(plugin output)",
        "taskmap=cyclic#option taskmap: must be an object, got \"cyclic\" (plugin jobshell)",
    })
    void aBadValueFailsTheJobBeforeAnyTaskStartsInOneLine(String option, String message) {
        Distribution.Run r = dist.run("run", "-n", "2", "-o", option, "echo", "started");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals(List.of("jobshell[0]: FATAL: " + message), r.stderrLines());
    }

    @Test
    void aTypoIsAWarningWithTheNearestNameAndTheJobRuns() {
        Distribution.Run r = dist.run("run", "-o", "cpu-afinity=off", "echo", "ran");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("ran"), r.stdoutLines());
        assertEquals(List.of("jobshell[0]:  WARN: unknown option 'cpu-afinity', did you mean 'cpu-affinity'?"),
                r.stderrLines());
    }

    @Test
    void theReferencesOptionsThatNoPluginHereReadsAreWarnedAbout() {
        Distribution.Run r = dist.run("run", "-N", "2", "-o", "sysmon", "true");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]:  WARN: unknown option 'sysmon': no plugin of this job declares it "
                + "(see jobshell run --help-options)"), r.stderrLines());
    }

    @Test
    void helpOptionsListsTheOptionsOfEveryBuiltin() {
        Distribution.Run r = dist.run("run", "--help-options");
        assertEquals(0, r.exitCode(), r.toString());
        for (String row : List.of("  -o cpu-affinity=[dry-run,][verbose,](on|off|per-task|map:LIST)   (plugin "
                + "cpu-affinity, default on)", "  -o output.limit=SIZE   (plugin output, default 1G)",
                "  -o output.stdout.label=true|false   (plugin output, default false)",
                "  -o taskmap={scheme, value}   (plugin jobshell, default block)",
                "  -o verbose=0|1|2   (plugin jobshell, default 0)",
                "  -o exit-timeout=N[smhd]|none   (plugin task-exit, default 30s)",
                "  -o exit-on-error=1   (plugin task-exit, default off)",
                "  -o gpu-affinity=on|off|per-task|map:LIST   (plugin gpu-affinity, default on)",
                "  -o input.stdin.type=service|file   (plugin input, default service)",
                "  -o output.stdout.path=TEMPLATE   (plugin output, default the terminal)",
                "  -o rlimit={NAME: N}   (plugin rlimit)", "  -o oom={adjust: N}   (plugin oom)",
                "  -o signal=1|{signum, timeleft}   (plugin signal)",
                "  -o pmi=simple|pmi1|pmi2|off[,...]   (plugin pmi-simple, default simple)", "  -o env-expand={VAR: TEMPLATE}   (plugin env-expand)")) {
            assertTrue(r.stdoutLines().contains(row), row + "\n" + r.stdout());
        }
    }
}
