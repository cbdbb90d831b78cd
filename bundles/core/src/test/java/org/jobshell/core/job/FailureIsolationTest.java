package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jobshell.api.OutputListener;
import org.jobshell.api.ShellException;
import org.jobshell.api.Task;
import org.jobshell.api.TaskStream;
import org.junit.jupiter.api.Test;

/**
 * A plugin that overruns, fails off the dispatch path or ends the job from {@code task.exit} is
 * named, and the job ends as the topic's rule says: promptly, with the right exit code.
 */
class FailureIsolationTest extends JobHarnessTestBase {

    /** Far above every await of the harness: a job that waits out its drain fails the test. */
    private static final long NEVER_MILLIS = 600_000;

    @Test
    void aHandlerOverrunningTheWatchdogInTaskExitIsDenyListedAndTheJobEndsNormally() {
        harness.close();
        harness = new JobHarness(var, 60_000, 300);
        AtomicInteger calls = new AtomicInteger();
        harness.plugin("sleepy", 50, false, p -> p.handle("task.exit", (s, t, a) -> {
            calls.incrementAndGet();
            Thread.sleep(NEVER_MILLIS);
        }));
        JobHarness.Result r = harness.run(jobspec(2, 1, "sh", "-c", "exit 3"));
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(List.of("jobshell[0]: ERROR: plugin 'sleepy': task.exit did not return within 300 ms"
                + " (bundle test.sleepy 1.0.0); deny-listed for the rest of the job"), r.errorLines());
        assertEquals(1, calls.get(), "the deny-listed plugin was called for the second task.exit");
        assertTrue(r.eventNames("exec").containsAll(List.of("shell.task-exit", "complete")));
        assertTrue(r.eventNames("exec").stream().noneMatch("exception"::equals), "task.exit is not a fatal topic");
    }

    @Test
    void dieInTaskExitEndsTheJobAtOnce() {
        harness.drainMillis(NEVER_MILLIS);
        harness.plugin("judge", 50, false, p -> p.handle("task.exit", (s, t, a) -> {
            if (s.currentTask().exitCode() == 7) {
                throw s.die(4, "task " + s.currentTask().rank() + " exited 7");
            }
        }));
        JobHarness.Result r = harness.run(jobspec(2, 1, "sh", "-c",
                "if [ $JOBSHELL_TASK_RANK = 0 ]; then exit 7; fi; exec sleep 300"));
        assertEquals(4, r.exitCode());
        assertEquals(List.of("jobshell[0]: FATAL: task 0 exited 7"), r.errorLines());
        assertEquals("task 0 exited 7", r.events("exec").stream().filter(e -> e.get("name").asText().equals("exception"))
                .findFirst().orElseThrow().get("context").get("note").asText());
    }

    @Test
    void aFailingOutputListenerIsDroppedNamingItsPluginAndTheJobGoesOn() {
        // named like the harness's own capture plugin, so that it replaces it and owns the streams
        harness.plugin("capture", 50, false, p -> p.handle("task.init", (s, t, a) -> s.currentTask().subscribe(
                TaskStream.STDERR, new OutputListener() {
                    @Override
                    public void data(Task task, TaskStream stream, ByteBuffer data) {
                        throw new IllegalStateException("no room");
                    }

                    @Override
                    public void eof(Task task, TaskStream stream) {
                    }
                })));
        JobHarness.Result r = harness.run(jobspec(1, 1, "sh", "-c", "echo oops >&2; echo fine"));
        assertEquals(0, r.exitCode());
        assertEquals(List.of("jobshell[0]: ERROR: plugin 'capture': stderr listener failed: IllegalStateException: no"
                + " room (bundle test.capture 1.0.0)"), r.errorLines());
    }

    @Test
    void aFailingActionIsNamedAndTheJobGoesOn() {
        harness.plugin("later", 50, false, p -> p.handle("shell.start", (s, t, a) -> s.execute(() -> {
            throw new ShellException("not now");
        })));
        JobHarness.Result r = harness.run(jobspec(1, 1, "true"));
        assertEquals(0, r.exitCode());
        assertEquals(List.of("jobshell[0]: ERROR: plugin 'later': execute action failed: not now"
                + " (bundle test.later 1.0.0)"), r.errorLines());
    }

    @Test
    void aFailingServiceMethodAnswersItsCallerWithTheMessage() {
        harness.plugin("server", 50, false, p -> p.handle("shell.init", (s, t, a) -> s.register("ask", request -> {
            throw new ShellException("refused " + request.get("who").asText());
        })));
        harness.plugin("client", 60, false, p -> p.handle("shell.start", (s, t, a) -> {
            if (s.info().rank() == 1) {
                s.holdCompletion("ask");
                s.rpc(0, "ask", JobHarness.MAPPER.createObjectNode().put("who", "rank 1")).whenComplete((v, e) ->
                        s.execute(() -> {
                            s.log().notice("answer: " + (e == null ? v : e.getMessage()));
                            s.releaseCompletion("ask");
                        }));
            }
        }));
        JobHarness.Result r = harness.run(jobspec(2, 2, "true"));
        assertEquals(0, r.exitCode());
        assertEquals(List.of("jobshell[1]: client: answer: shell 0: ask: refused rank 1"),
                r.errorLines().stream().filter(l -> l.contains("answer")).collect(Collectors.toList()));
    }
}
