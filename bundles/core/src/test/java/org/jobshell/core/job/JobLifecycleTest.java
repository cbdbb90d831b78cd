package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.jobshell.core.job.JobHarness.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.jobshell.api.ShellException;
import org.jobshell.api.Task;
import org.jobshell.api.TaskState;
import org.jobshell.api.TaskStream;
import org.junit.jupiter.api.Test;

/** A job's lifecycle, exit codes and error rules, with real task processes (spec §2.1, §1.8, §6.5). */
class JobLifecycleTest extends JobHarnessTestBase {

    @Test
    void topicsComeInTheReferenceOrder() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        harness.plugin("recorder", 50, false, p -> p.handle("*", (s, topic, a) -> {
            if (!topic.equals("shell.log")) {
                seen.add(s.currentTask() == null ? topic : topic + "#" + s.currentTask().rank());
            }
        }));
        JobHarness.Result r = harness.run(jobspec(2, 1, "true"));
        assertEquals(0, r.exitCode());
        List<String> start = List.of("shell.init", "shell.post-init", "task.init#0", "task.exec#0", "task.fork#0",
                "task.init#1", "task.exec#1", "task.fork#1", "shell.start");
        assertEquals(start, seen.subList(0, start.size()));
        List<String> rest = new ArrayList<>(seen.subList(start.size(), seen.size()));
        assertTrue(rest.containsAll(List.of("task.exit#0", "task.exit#1")), rest.toString());
        assertEquals(List.of("shell.finish", "shell.finished", "shell.tasks-complete", "shell.exit"),
                rest.subList(2, rest.size()));
    }

    @Test
    void theExitCodeIsTheLargestTaskExitCode() {
        assertEquals(2, harness.run(jobspec(3, 1, "sh", "-c", "exit $JOBSHELL_TASK_RANK")).exitCode());
    }

    @Test
    void aTaskKilledBySignalGives128PlusTheSignal() {
        JobHarness.Result r = harness.run(jobspec(1, 1, "sh", "-c", "kill -9 $$"));
        assertEquals(137, r.exitCode());
        JsonNode exit = r.events("exec").stream().filter(e -> e.get("name").asText().equals("shell.task-exit"))
                .findFirst().orElseThrow().get("context");
        assertEquals(9, exit.get("signaled").asInt());
        assertEquals(137, exit.get("exitcode").asInt());
    }

    @Test
    void aTaskKilledByASignalTheShellDidNotSendIsNamedInOneLineAndInTaskExitArgs() {
        List<JsonNode> exitArgs = Collections.synchronizedList(new ArrayList<>());
        harness.plugin("exits", 50, false, p -> p.handle("task.exit", (s, t, a) -> exitArgs.add(a.in().deepCopy())));
        JobHarness.Result r = harness.run(jobspec(1, 1, "sh", "-c", "kill -SEGV $$"));
        assertEquals(139, r.exitCode());
        assertEquals(List.of("jobshell[0]: ERROR: task 0: killed by SIGSEGV"), r.errorLines());
        assertEquals(1, exitArgs.size());
        assertEquals(11, exitArgs.get(0).get("signaled").asInt());
        assertEquals("SIGSEGV", exitArgs.get(0).get("signal").asText());
        assertFalse(exitArgs.get(0).get("core_dumped").asBoolean()); // ProcessBuilder cannot tell
    }

    @Test
    void aMissingCommandGives127AndOneFatalLine() {
        JobHarness.Result r = harness.run(jobspec(2, 1, "/no/such/cmd"));
        assertEquals(127, r.exitCode());
        assertEquals(List.of("jobshell[0]: FATAL: task 0 (host testhost): start failed: /no/such/cmd: "
                + "No such file or directory"), r.errorLines());
        JsonNode exception = r.events("exec").stream().filter(e -> e.get("name").asText().equals("exception"))
                .findFirst().orElseThrow().get("context");
        assertEquals("exec", exception.get("type").asText());
        assertTrue(exception.get("note").asText().contains("start failed"));
    }

    @Test
    void aCommandThatIsADirectoryGives126() {
        JobHarness.Result r = harness.run(jobspec(1, 1, "/tmp"));
        assertEquals(126, r.exitCode());
        assertTrue(r.stderr().contains("start failed: /tmp: Permission denied"), r.stderr());
    }

    @Test
    void aPluginFailingShellInitFailsTheJobBeforeAnyTaskStarts() {
        harness.plugin("boom", 50, false, p -> p.handle("shell.init", (s, t, a) -> {
            throw new ShellException("kaboom");
        }));
        JobHarness.Result r = harness.run(jobspec(2, 1, "echo", "ran"));
        assertEquals(1, r.exitCode());
        assertEquals(List.of("jobshell[0]: FATAL: plugin 'boom': shell.init failed: kaboom (bundle test.boom 1.0.0)"),
                r.errorLines());
        assertEquals("", harness.taskOutput(0, TaskStream.STDOUT));
        assertFalse(r.eventNames("exec").contains("shell.start"));
    }

    @Test
    void anOptionalPluginFailingShellInitOnlyWarns() {
        harness.plugin("boom", 50, true, p -> p.handle("shell.init", (s, t, a) -> {
            throw new ShellException("kaboom");
        }));
        JobHarness.Result r = harness.run(jobspec(1, 1, "echo", "ran"));
        assertEquals(0, r.exitCode());
        assertEquals(List.of("jobshell[0]:  WARN: plugin 'boom': shell.init failed: kaboom (bundle test.boom 1.0.0)"
                + " (optional plugin: job goes on)"), r.errorLines());
        assertEquals("ran\n", harness.taskOutput(0, TaskStream.STDOUT));
    }

    @Test
    void aPluginFailingTaskExitIsLoggedAndTheJobSucceeds() {
        harness.plugin("boom", 50, false, p -> p.handle("task.exit", (s, t, a) -> {
            throw new IllegalStateException("late");
        }));
        JobHarness.Result r = harness.run(jobspec(1, 1, "true"));
        assertEquals(0, r.exitCode());
        assertEquals(List.of("jobshell[0]: ERROR: plugin 'boom': task.exit failed: IllegalStateException: late "
                + "(bundle test.boom 1.0.0)"), r.errorLines());
    }

    @Test
    void aPluginFailingShellExitMakesTheExitCodeAtLeastOne() {
        harness.plugin("boom", 50, false, p -> p.handle("shell.exit", (s, t, a) -> {
            throw new ShellException("cleanup failed");
        }));
        assertEquals(1, harness.run(jobspec(1, 1, "true")).exitCode());
    }

    @Test
    void aPluginThatCannotAttachFailsTheJobNamingIt() {
        harness.plugin("broken", 50, false, p -> {
            throw new IllegalArgumentException("no config");
        });
        JobHarness.Result r = harness.run(jobspec(1, 1, "true"));
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("FATAL: plugin 'broken': attach failed: IllegalArgumentException: no config"),
                r.stderr());
    }

    /**
     * Task 0 sleeps longer than the harness waits for a job (60 s); it ends only because die killed it, so its exit
     * status, kept by the shell, says SIGKILL (a sleep that ran out would have exited 0).
     */
    @Test
    void dieFailsTheJobWithItsCodeAndKillsRunningTasks() {
        List<Task> tasks = Collections.synchronizedList(new ArrayList<>());
        harness.plugin("killer", 50, false, p -> p.handle("task.fork", (s, t, a) -> {
            tasks.add(s.currentTask());
            if (s.currentTask().rank() == 1) {
                throw s.die(3, "task 1 is not welcome");
            }
        }));
        JobHarness.Result r = harness.run(jobspec(2, 1, "sleep", "120"));
        assertEquals(3, r.exitCode());
        assertEquals(List.of("jobshell[0]: FATAL: task 1 is not welcome"), r.errorLines());
        assertEquals(List.of(0, 1), tasks.stream().map(Task::rank).collect(Collectors.toList()));
        for (Task t : tasks) {
            assertEquals(TaskState.EXITED, t.state(), "task " + t.rank());
            assertEquals(9, t.signal(), "task " + t.rank() + " was not killed");
        }
    }

    @Test
    void theExecEventlogRecordsTheJob() {
        JobHarness.Result r = harness.run(jobspec(4, 2, "true"));
        assertEquals(List.of("init", "starting", "shell.init", "shell.start", "shell.task-exit", "complete", "done"),
                r.eventNames("exec"));
        JsonNode init = r.events("exec").get(2).get("context");
        assertEquals(0, init.get("leader-rank").asInt());
        assertEquals(2, init.get("size").asInt());
        assertTrue(init.get("service").asText().matches("1000-shell-f[1-9A-Za-z]+"), init.toString());
        assertEquals("{\"version\":1,\"map\":[[0,2,2,1]]}",
                r.events("exec").get(3).get("context").get("taskmap").toString());
        JsonNode header = r.events("output").get(0);
        assertEquals("header", header.get("name").asText());
        assertEquals(4, header.get("context").get("count").get("stdout").asInt());
    }

    @Test
    void theOutputHeaderCarriesTheJobsOptions() {
        ObjectNode spec = jobspec(1, 1, "true");
        options(spec).put("cpu-affinity", "per-task").putObject("output").putObject("stdout").put("label", true);
        JobHarness.Result r = harness.run(spec);
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode header = r.events("output").get(0);
        assertEquals("header", header.get("name").asText());
        assertEquals("{\"cpu-affinity\":\"per-task\",\"output\":{\"stdout\":{\"label\":true}}}",
                header.get("context").get("options").toString());
    }

    @Test
    void pluginsAddContextToShellEvents() {
        harness.plugin("ctx", 50, false, p -> p.handle("shell.init", (s, t, a) -> s.addEventContext("shell.init",
                "event-test", JobHarness.MAPPER.getNodeFactory().textNode("foo"))));
        JobHarness.Result r = harness.run(jobspec(1, 1, "true"));
        assertEquals("foo", r.events("exec").get(2).get("context").get("event-test").asText());
    }

    @Test
    void customTopicsLetPluginsTalkThroughTheStack() {
        harness.plugin("asker", 50, false, p -> p.handle("shell.init", (s, t, a) -> {
            org.jobshell.api.Args args = new org.jobshell.api.Args();
            args.in().put("question", "name?");
            assertTrue(s.call("answer.please", args));
            s.log().notice("answer: " + args.out().get("answer").asText());
        }));
        harness.plugin("answerer", 60, false, p -> p.handle("answer.*", (s, t, a) ->
                a.out().put("answer", "answerer heard " + a.in().get("question").asText())));
        JobHarness.Result r = harness.run(jobspec(1, 1, "true"));
        assertEquals(List.of("jobshell[0]: asker: answer: answerer heard name?"), r.errorLines());
    }

    @Test
    void shellLogReachesPluginsButNotFromInsideShellLog() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        harness.plugin("listener", 50, false, p -> p.handle("shell.log", (s, t, a) -> {
            heard.add(a.in().get("component").asText() + ": " + a.in().get("message").asText());
            s.log().debug("this is not dispatched again");
        }));
        harness.plugin("talker", 60, false, p -> p.handle("shell.init", (s, t, a) -> s.log().notice("hello")));
        harness.run(jobspec(1, 1, "true"));
        assertEquals(List.of("talker: hello"), heard);
    }

    @Test
    void aPluginWhoseBundleWentAwayIsDroppedWithOneWarning() {
        var entry = harness.plugin("fleeting", 50, false, p -> {
            p.handle("shell.start", (s, t, a) -> { });
            p.handle("task.exit", (s, t, a) -> {
                throw new ShellException("must not be called");
            });
        });
        harness.plugin("remover", 60, false, p -> p.handle("shell.start", (s, t, a) -> entry.markRemoved()));
        JobHarness.Result r = harness.run(jobspec(2, 1, "true"));
        assertEquals(0, r.exitCode());
        assertEquals(List.of("jobshell[0]:  WARN: plugin 'fleeting': bundle test.fleeting 1.0.0 went away during the"
                + " job; its remaining callbacks are dropped (first: task.exit)"), r.errorLines());
        assertTrue(r.eventNames("exec").contains("plugin-dropped"));
    }

    @Test
    void aStuckCallbackFailsTheJobNamingThePlugin() {
        harness.close();
        harness = new JobHarness(var, 100, 300);
        harness.plugin("stuck", 50, false, p -> p.handle("shell.init", (s, t, a) -> Thread.sleep(60_000)));
        JobHarness.Result r = harness.run(jobspec(1, 1, "true"));
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("WARN: plugin 'stuck': shell.init has been running for"), r.stderr());
        assertTrue(r.stderr().contains("FATAL: plugin 'stuck': shell.init did not return within"), r.stderr());
    }

    @Test
    void theVerboseOptionMustBeAnInteger() {
        ObjectNode spec = jobspec(1, 1, "true");
        options(spec).put("verbose", "loud");
        JobHarness.Result r = harness.run(spec);
        assertEquals(1, r.exitCode());
        assertEquals(List.of("jobshell[0]: FATAL: option verbose: must be an integer, got \"loud\""), r.errorLines());
    }
}
