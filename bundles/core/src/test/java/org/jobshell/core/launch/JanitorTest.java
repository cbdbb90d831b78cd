package org.jobshell.core.launch;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The janitor guards the container's death, and never holds up a shell when it is gone itself. */
class JanitorTest {

    @Test
    void aJanitorKilledBySomeoneNeverBlocksTheShellsThatComeAfter() throws Exception {
        try (ProcessBuilderLauncher launcher = new ProcessBuilderLauncher(); Janitor janitor = new Janitor()) {
            janitor.watch(launcher, "first");
            janitor.awaitStarted(10_000);
            long pid = janitor.pid();
            assertTrue(pid > 0, "the janitor runs");
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
            process.destroyForcibly();
            process.onExit().get();
            // ~60 bytes a shell: far more than a pipe holds, had the janitor's pipe stayed open and unread
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 5000; i++) {
                    janitor.watch(launcher, "1234.fJob" + i + ".0");
                    janitor.forget("1234.fJob" + i + ".0");
                }
            });
        }
    }
}
