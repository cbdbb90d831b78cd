package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jobshell.api.Args;
import org.jobshell.api.Topics;
import org.junit.jupiter.api.Test;

/**
 * Each shell's {@code shell.finish} reaches the leader as {@code shell.finished} (the tasks-complete
 * builtin's seam), and {@code shell.tasks-complete} is called once: by a plugin, or by the core once
 * the last report was offered and no plugin called it, so that no job waits for a plugin.
 */
class TasksCompleteTest extends JobHarnessTestBase {

    private final List<String> heard = new CopyOnWriteArrayList<>();

    private void recorder() {
        harness.plugin("recorder", 70, false, p -> p
                .handle(Topics.SHELL_FINISHED, (s, t, a) -> heard.add(s.info().rank() + " finished "
                        + a.in().path("shell_rank").asInt()))
                .handle(Topics.SHELL_TASKS_COMPLETE, (s, t, a) -> heard.add(s.info().rank() + " tasks-complete")));
    }

    @Test
    void withoutAPluginThatAnswersTheCoreCompletesTheTasksAfterTheLastShellsReport() {
        recorder();
        assertEquals(0, harness.run(jobspec(3, 3, "true")).exitCode());
        assertEquals(4, heard.size(), heard.toString());
        assertEquals(List.of("0 finished 0", "0 finished 1", "0 finished 2"), heard.subList(0, 3).stream().sorted()
                .collect(Collectors.toList()));
        assertEquals("0 tasks-complete", heard.get(3));
    }

    @Test
    void aPluginThatCompletesTheTasksItselfIsNotRepeatedByTheCore() {
        recorder();
        harness.plugin("eager", 60, false, p -> p.handle(Topics.SHELL_FINISHED, (s, t, a) -> {
            if (heard.isEmpty()) {
                s.call(Topics.SHELL_TASKS_COMPLETE, new Args());
            }
        }));
        assertEquals(0, harness.run(jobspec(3, 3, "true")).exitCode());
        assertEquals(4, heard.size(), heard.toString());
        assertEquals("0 tasks-complete", heard.get(0));
        assertEquals(1, heard.stream().filter(h -> h.endsWith("tasks-complete")).count(), heard.toString());
    }

    @Test
    void aPluginThatCompletesTheTasksFromAnActionItQueuedIsNotRepeatedByTheCore() {
        recorder();
        harness.plugin("deferring", 60, false, p -> p.handle(Topics.SHELL_FINISHED, (s, t, a) -> {
            if (heard.size() == 2) { // the recorder comes later: this is the last report
                s.execute(() -> s.call(Topics.SHELL_TASKS_COMPLETE, new Args()));
            }
        }));
        assertEquals(0, harness.run(jobspec(3, 3, "true")).exitCode());
        assertEquals(4, heard.size(), heard.toString());
        assertEquals("0 tasks-complete", heard.get(3));
    }
}
