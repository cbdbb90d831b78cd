package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Mustache templates as users write them on the command line (spec §6, scenarios D34-D37). */
class TemplatesIT extends SharedDistributionTestBase {

    private static List<String> sorted(Distribution.Run r) {
        return r.stdoutLines().stream().sorted().collect(Collectors.toList());
    }

    @Test
    void eachTaskGetsItsOwnArguments() {
        Distribution.Run r = dist.run("run", "-N", "2", "-n", "4", "--label-io", "echo",
                "{{taskid}}: rank={{task.rank}} index={{task.index}} size={{size}} nnodes={{nnodes}} name={{name}}");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: 0: rank=0 index=0 size=4 nnodes=2 name=echo",
                "1: 1: rank=1 index=1 size=4 nnodes=2 name=echo", "2: 2: rank=2 index=0 size=4 nnodes=2 name=echo",
                "3: 3: rank=3 index=1 size=4 nnodes=2 name=echo"), sorted(r));
    }

    @Test
    void unknownTagsArePrintedAsTheyAre() {
        Distribution.Run r = dist.run("run", "echo", "{{foo}} {{node.foo}} {{task.foo}}");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("{{foo}} {{node.foo}} {{task.foo}}"), r.stdoutLines());
        assertEquals("", r.stderr());
    }
}
