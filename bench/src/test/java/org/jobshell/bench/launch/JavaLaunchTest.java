package org.jobshell.bench.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jobshell.core.launch.ProcessBuilderLauncher;
import org.junit.jupiter.api.Test;

/** The launch harness starts, reads and counts what it claims to (a few tasks, no timing). */
class JavaLaunchTest {

    @Test
    void echoTasksAreReadLineByLineThroughTheObserver() {
        try (ProcessBuilderLauncher launcher = new ProcessBuilderLauncher()) {
            JavaLaunch.Outcome out = new JavaLaunch(launcher).run(Workload.ECHO, 5, 2, 2, true);
            assertEquals(0, out.failures());
            assertEquals(5, out.lines());
            assertTrue(out.fdsAtEndOfLaunch() > 0);
        }
    }

    @Test
    void trueTasksFinishWithoutOutput() {
        try (ProcessBuilderLauncher launcher = new ProcessBuilderLauncher()) {
            JavaLaunch.Outcome out = new JavaLaunch(launcher).run(Workload.TRUE, 5, 64, 1, false);
            assertEquals(0, out.failures());
            assertEquals(0, out.lines());
            assertEquals(-1, out.fdsAtEndOfLaunch());
        }
    }

    @Test
    void optionsHaveDefaultsAndRejectUnknownKeys() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"--n=1,2", "--cmd=echo"});
        assertEquals(List.of(1, 2), o.counts());
        assertEquals(List.of(Workload.ECHO), o.workloads());
        assertEquals(64, o.inflight());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--nope=1"}));
    }
}
