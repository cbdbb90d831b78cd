package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jobshell.api.TaskStream;
import org.jobshell.core.util.JobIds;
import org.junit.jupiter.api.Test;

/** Mustache templates in task argv and for plugins (spec §6.1-6.2, scenarios D34-D37). */
class MustacheTest extends JobHarnessTestBase {

    private String out(int task) {
        return harness.taskOutput(task, TaskStream.STDOUT);
    }

    @Test
    void jobTagsAreRendered() {
        JobHarness.Result r = harness.run(jobspec(4, 2, "echo", "size={{size}} ntasks={{ntasks}} nnodes={{nnodes}} "
                + "name={{name}}"));
        assertEquals(0, r.exitCode(), r.stderr());
        for (int t = 0; t < 4; t++) {
            assertEquals("size=4 ntasks=4 nnodes=2 name=echo\n", out(t));
        }
    }

    @Test
    void taskTagsAreEachTasksOwn() {
        JobHarness.Result r = harness.run(jobspec(4, 2, "echo", "{{taskid}}: rank={{task.rank}} index={{task.index}} "
                + "localid={{task.localid}} id={{task.id}}"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("0: rank=0 index=0 localid=0 id=0\n", out(0));
        assertEquals("1: rank=1 index=1 localid=1 id=1\n", out(1));
        assertEquals("2: rank=2 index=0 localid=0 id=2\n", out(2));
        assertEquals("3: rank=3 index=1 localid=1 id=3\n", out(3));
    }

    @Test
    void nodeTagsComeFromTheShellsRankInfo() throws Exception {
        JobHarness.Result r = harness.run(jobspec(2, 2, "echo", "id={{node.id}} name={{node.name}} "
                + "cores={{node.cores}}[{{node.ncores}}] ntasks={{node.ntasks}}", "{{node.resources}}"));
        assertEquals(0, r.exitCode(), r.stderr());
        for (int t = 0; t < 2; t++) {
            String[] parts = out(t).trim().split(" ", 5);
            assertEquals("id=" + t, parts[0]);
            assertEquals("name=testhost", parts[1]);
            assertTrue(parts[2].matches("cores=\\d+\\[1\\]"), out(t));
            assertEquals("ntasks=1", parts[3]);
            JsonNode resources = JobHarness.MAPPER.readTree(parts[4]);
            assertEquals(1, resources.get("ncores").asInt(), parts[4]);
        }
    }

    @Test
    void tagsNobodyResolvesStayAsTheyAre() {
        JobHarness.Result r = harness.run(jobspec(1, 1, "echo", "{{foo}} {{node.foo}} {{task.foo}} {{ id }} {{idle}}"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("{{foo}} {{node.foo}} {{task.foo}} {{ id }} {{idle}}\n", out(0));
        assertEquals("", r.stderr());
    }

    @Test
    void theJobIdInEachEncoding() {
        JobHarness.Result r = harness.run(jobspec(1, 1, "echo", "{{id}} {{jobid}} {{id.f58plain}} {{id.dec}} "
                + "{{id.hex}} {{id.kvs}}"));
        assertEquals(0, r.exitCode(), r.stderr());
        String id = r.dir().getFileName().toString();
        long n = JobIds.parse(id);
        assertEquals(id + " " + id + " " + id + " " + n + " 0x" + Long.toHexString(n) + " job."
                + JobIds.encode(n, "dothex") + "\n", out(0));
    }

    @Test
    void aBadEncodingOrAnUnclosedTagIsLoggedAndKept() {
        JobHarness.Result r = harness.run(jobspec(1, 1, "echo", "{{id.xxx}}", "out{{invalid"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("{{id.xxx}} out{{invalid\n", out(0));
        assertEquals(List.of("jobshell[0]: ERROR: Invalid jobid encoding 'id.xxx' specified",
                "jobshell[0]: ERROR: mustache: template 'out{{invalid' has a '{{' without '}}': kept as it is"),
                r.errorLines());
    }

    @Test
    void pluginsResolveOtherTagsInTheTasksContext() {
        harness.plugin("greeter", 50, false, p -> p.handle("mustache.render.greeting", (s, t, a) ->
                a.out().put("result", "hello from task " + s.currentTask().rank())));
        harness.plugin("broken", 60, false, p -> p.handle("mustache.render.broken", (s, t, a) -> {
            throw new IllegalStateException("no");
        }));
        JobHarness.Result r = harness.run(jobspec(2, 1, "echo", "{{greeting}}", "{{broken}}"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("hello from task 0 {{broken}}\n", out(0));
        assertEquals("hello from task 1 {{broken}}\n", out(1));
        assertTrue(r.stderr().contains("ERROR: plugin 'broken': mustache.render.broken failed: "
                + "IllegalStateException: no"), r.stderr());
    }

    @Test
    void pluginsRenderTemplatesThemselves() {
        Map<String, String> rendered = new ConcurrentHashMap<>();
        harness.plugin("user", 50, false, p -> {
            p.handle("shell.init", (s, t, a) -> rendered.put("init", s.render("{{name}}.{{taskid}}.{{size}}")));
            p.handle("task.init", (s, t, a) -> rendered.put("task" + s.currentTask().rank(), s.render("{{taskid}}")));
            p.handle("shell.start", (s, t, a) -> rendered.put("given", s.render("{{task.rank}}", s.tasks().get(1))));
        });
        assertEquals(0, harness.run(jobspec(2, 1, "true")).exitCode());
        assertEquals(Map.of("init", "true.{{taskid}}.2", "task0", "0", "task1", "1", "given", "1"), rendered);
    }
}
