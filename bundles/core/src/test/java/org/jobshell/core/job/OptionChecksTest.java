package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.jobshell.core.job.JobHarness.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.ShellException;
import org.jobshell.api.TaskStream;
import org.junit.jupiter.api.Test;

/** Options checked against what plugins declare, before any task starts (issue 10, item 5). */
class OptionChecksTest extends JobHarnessTestBase {

    private static final OptionChecks CHECKS = new OptionChecks(List.of(
            new OptionChecks.Declared("cpu-affinity", OptionSpec.of("cpu-affinity", OptionSpec.Type.STRING)
                    .values("on", "off")),
            new OptionChecks.Declared("output", OptionSpec.of("output.stdout.label", OptionSpec.Type.FLAG)),
            new OptionChecks.Declared("output", OptionSpec.of("output.limit", OptionSpec.Type.ANY).check(v -> {
                if (!v.isTextual()) {
                    throw new ShellException("must be a size, got " + v);
                }
            })),
            new OptionChecks.Declared("rlimit", OptionSpec.of("rlimit", OptionSpec.Type.OBJECT)),
            new OptionChecks.Declared("task-exit", OptionSpec.of("exit-timeout", OptionSpec.Type.NUMBER))));

    private static ObjectNode opts(String json) throws Exception {
        return (ObjectNode) JobHarness.MAPPER.readTree(json);
    }

    @Test
    void declaredOptionsOfTheRightKindPassQuietly() throws Exception {
        assertEquals(List.of(), CHECKS.check(opts("{\"cpu-affinity\":\"off\",\"output\":{\"stdout\":{\"label\":true},"
                + "\"limit\":\"1M\"},\"rlimit\":{\"nofile\":10,\"anything\":1},\"exit-timeout\":0.5}")));
    }

    @Test
    void aTypoIsAWarningWithTheNearestName() throws Exception {
        assertEquals(List.of("unknown option 'cpu-afinity', did you mean 'cpu-affinity'?",
                "unknown option 'output.stdout.lable', did you mean 'output.stdout.label'?",
                "unknown option 'frobnicate': no plugin of this job declares it (see jobshell run --help-options)"),
                CHECKS.check(opts("{\"cpu-afinity\":\"off\",\"output\":{\"stdout\":{\"lable\":1}},\"frobnicate\":1}")));
    }

    @Test
    void aBadValueNamesTheOptionAndThePlugin() throws Exception {
        assertEquals("option cpu-affinity: must be one of on, off, got \"bogus\" (plugin cpu-affinity)",
                assertThrows(ShellException.class, () -> CHECKS.check(opts("{\"cpu-affinity\":\"bogus\"}"))).getMessage());
        assertEquals("option exit-timeout: must be a number, got \"abc\" (plugin task-exit)",
                assertThrows(ShellException.class, () -> CHECKS.check(opts("{\"exit-timeout\":\"abc\"}"))).getMessage());
        assertEquals("option output.limit: must be a size, got 5 (plugin output)",
                assertThrows(ShellException.class, () -> CHECKS.check(opts("{\"output\":{\"limit\":5}}"))).getMessage());
        assertEquals("option output.stdout.label: must be true/false or an integer, got \"yes\" (plugin output)",
                assertThrows(ShellException.class, () -> CHECKS.check(opts("{\"output\":{\"stdout\":{\"label\":\"yes\"}}}")))
                        .getMessage());
    }

    @Test
    void aJobWithABadValueFailsBeforeAnyTaskAndNamesIt() {
        harness.plugin("strict", 50, false, p -> p.declare(OptionSpec.of("strict.level", OptionSpec.Type.INTEGER)));
        ObjectNode spec = jobspec(2, 1, "echo", "started");
        options(spec).putObject("strict").put("level", "high");
        JobHarness.Result r = harness.run(spec);
        assertEquals(1, r.exitCode());
        assertEquals(List.of("jobshell[0]: FATAL: option strict.level: must be an integer, got \"high\" (plugin strict)"),
                r.errorLines());
        assertEquals("", harness.taskOutput(0, TaskStream.STDOUT));
    }

    @Test
    void aJobWithAnUndeclaredOptionRunsAndTheLeaderWarnsOnce() {
        harness.plugin("strict", 50, false, p -> p.declare(OptionSpec.of("strict.level", OptionSpec.Type.INTEGER)));
        ObjectNode spec = jobspec(2, 2, "true");
        options(spec).putObject("strict").put("levle", 2);
        JobHarness.Result r = harness.run(spec);
        assertEquals(0, r.exitCode());
        assertEquals(List.of("jobshell[0]:  WARN: unknown option 'strict.levle', did you mean 'strict.level'?"),
                r.errorLines());
    }

    @Test
    void distanceCountsEdits() {
        assertEquals(0, OptionChecks.distance("a", "a"));
        assertEquals(1, OptionChecks.distance("cpu-afinity", "cpu-affinity"));
        assertEquals(3, OptionChecks.distance("", "abc"));
        assertEquals(2, OptionChecks.distance("ab", "ba"));
    }
}
