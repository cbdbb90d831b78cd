package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.jobshell.core.job.JobHarness.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jobshell.api.TaskMap;
import org.jobshell.api.TaskStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Step S13: the {@code taskmap} option, its schemes and its checks (spec §7, scenarios C29-C33). */
class TaskmapTest extends JobHarnessTestBase {

    /** Each task prints its shell rank and the task map it was given. */
    private static final String[] PRINT = {"sh", "-c", "echo $JOBSHELL_SHELL_RANK $JOBSHELL_TASKMAP"};

    private static ObjectNode withTaskmap(ObjectNode spec, String scheme, String value) {
        ObjectNode tm = options(spec).putObject("taskmap");
        if (scheme != null) {
            tm.put("scheme", scheme);
        }
        if (value != null) {
            tm.put("value", value);
        }
        return spec;
    }

    private JobHarness.Result run(int ntasks, int nnodes, String scheme, String value) {
        return harness.run(withTaskmap(jobspec(ntasks, nnodes, PRINT), scheme, value));
    }

    private String startMap(JobHarness.Result r) {
        return r.events("exec").stream().filter(e -> e.get("name").asText().equals("shell.start")).findFirst()
                .orElseThrow().get("context").get("taskmap").toString();
    }

    /** @return the shell rank each task ran on, by task rank */
    private int[] shellOfTasks(int ntasks) {
        int[] shells = new int[ntasks];
        for (int t = 0; t < ntasks; t++) {
            shells[t] = Integer.parseInt(harness.taskOutput(t, TaskStream.STDOUT).split(" ")[0]);
        }
        return shells;
    }

    @Test
    void withoutTheOptionTheMapIsTheBlockMapAndTasksSeeIt() {
        JobHarness.Result r = harness.run(jobspec(16, 4, PRINT));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("{\"version\":1,\"map\":[[0,4,4,1]]}", startMap(r));
        assertEquals("0 {\"version\":1,\"map\":[[0,4,4,1]]}\n", harness.taskOutput(3, TaskStream.STDOUT));
        assertEquals(1, shellOfTasks(16)[4]);
    }

    @Test
    void blockWithoutAValueIsTheDefault() {
        JobHarness.Result r = run(16, 4, "block", null);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("{\"version\":1,\"map\":[[0,4,4,1]]}", startMap(r));
    }

    @Test
    void aManualMapMayRedistributeTasksAndTasksRunWhereItSays() {
        JobHarness.Result r = run(6, 4, "manual", "[[0,1,3,1],[1,3,1,1]]");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("{\"version\":1,\"map\":[[0,1,3,1],[1,3,1,1]]}", startMap(r));
        assertEquals(List.of(0, 0, 0, 1, 2, 3), toList(shellOfTasks(6)));
    }

    @Test
    void aSchemeOfAPluginGetsTheCurrentMapAndItsAnswerIsUsed() {
        List<String> in = Collections.synchronizedList(new ArrayList<>());
        harness.plugin("reverse", 50, false, p -> p.handle("taskmap.reverse", (s, t, a) -> {
            in.add(a.in().toString());
            TaskMap current = TaskMap.decode(a.in().get("taskmap").asText());
            int[] nodeOf = new int[current.totalTasks()];
            for (int task = 0; task < nodeOf.length; task++) {
                nodeOf[task] = current.nnodes() - 1 - current.nodeOf(task);
            }
            a.out().put("taskmap", TaskMap.ofNodes(nodeOf).encode());
        }));
        Map<Integer, String> taskIds = new ConcurrentHashMap<>();
        harness.plugin("observer", 60, false, p -> p.handle("shell.init", (s, t, a) -> {
            taskIds.put(s.info().rank(), s.rankInfo(-1).taskIds() + " " + s.info().taskmap().encode());
        }));
        JobHarness.Result r = run(16, 4, "reverse", null);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("{\"version\":1,\"map\":[[3,1,4,1],[2,1,4,1],[1,1,4,1],[0,1,4,1]]}", startMap(r));
        assertEquals(List.of(3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0), toList(shellOfTasks(16)));
        assertEquals("12-15 {\"version\":1,\"map\":[[3,1,4,1],[2,1,4,1],[1,1,4,1],[0,1,4,1]]}", taskIds.get(0));
        assertEquals(4, in.size(), "every shell maps its tasks: " + in);
        assertEquals("{\"taskmap\":\"{\\\"version\\\":1,\\\"map\\\":[[0,4,4,1]]}\",\"scheme\":\"reverse\","
                + "\"value\":\"\"}", in.get(0));
    }

    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "block|oops|block taskmap does not accept a value (got oops)",
        "foo|NONE|failed to map tasks with scheme=foo: no plugin handles taskmap.foo",
        "NONE|NONE|option taskmap: no scheme given (taskmap.scheme; use --taskmap=SCHEME[:VALUE])",
        "manual|[]|taskmap scheme=manual: the task map is empty (unknown)",
        "manual|{}|taskmap manual: task map {}: version must be 1",
        "manual|[[1,3,4,1]]|taskmap scheme=manual: got 12 total tasks, expected 16",
        "manual|[[0,3,4,1]]|taskmap scheme=manual: got 3 nodes, expected 4",
        "manual|[[1,3,4,1],[0,1,3,1]]|taskmap scheme=manual: got 15 total tasks, expected 16",
    })
    void everyBadMapFailsTheJobBeforeAnyTaskInOneLine(String scheme, String value, String message) {
        JobHarness.Result r = run(16, 4, scheme, value);
        assertEquals(1, r.exitCode(), r.stderr());
        assertOneFatalLine(message, r);
        assertTrue(r.eventNames("exec").stream().noneMatch(n -> n.equals("shell.task-exit")), r.eventNames("exec")
                .toString());
        assertEquals("", harness.taskOutput(0, TaskStream.STDOUT));
    }

    @Test
    void aPluginFailingItsSchemeFailsTheJobNamingIt() {
        harness.plugin("broken", 50, false, p -> p.handle("taskmap.*", (s, t, a) -> {
            throw new IllegalStateException("no map today");
        }));
        JobHarness.Result r = run(2, 2, "cyclic", null);
        assertEquals(1, r.exitCode());
        assertOneFatalLine("plugin 'broken': taskmap.cyclic failed: IllegalStateException: no map today "
                + "(bundle test.broken 1.0.0)", r);
    }

    /** Every shell fails on the same map; whichever says it first, the terminal shows it once. */
    private static void assertOneFatalLine(String message, JobHarness.Result r) {
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.errorLines().get(0).matches("jobshell\\[\\d\\]: FATAL: " + Pattern.quote(message)), r.stderr());
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }
}
