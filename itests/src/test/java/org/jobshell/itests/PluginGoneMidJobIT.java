package org.jobshell.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellPlugin;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * A plugin that goes away while a job runs (its bundle stops, or its service is unregistered): the
 * job keeps the snapshot it started with, the gone plugin's remaining callbacks are dropped with one
 * warning and one event, and the job goes on. The task waits at a {@link TaskGate} until the plugin
 * is gone, so the job is still running then however slow the machine.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginGoneMidJobIT extends ContainerTestBase {

    private Bundle faulty;

    /** Deploys the faulty fixture (the base class removes it after each test). */
    @Before
    public void deployFaulty() throws Exception {
        faulty = deploy(ReactorBundles.FAULTY, "faulty", Plugins.FAULTY);
    }

    /**
     * faulty is armed to fail task.exit; its bundle stops while the task waits at a gate: the failure
     * never happens, the job exits 0, and each plugin of the bundle (faulty, faulty-optional) gets one
     * warning on stderr and one plugin-dropped event in exec.eventlog, at its first dropped callback.
     */
    @Test
    public void callbacksOfAStoppedBundleAreDroppedAndTheJobGoesOn() throws Exception {
        JobResult r;
        try (TaskGate gate = new TaskGate()) {
            JobRunner.Running running = jobs.submit(gate.job().option("faulty", "task.exit"));
            Deadline.await("the job's tasks started", () -> running.hasExecEvent("shell.start"));
            faulty.stop();
            assertFalse("the job must still be running when the bundle stops, or this test shows nothing",
                    running.ended());
            gate.open();
            r = running.await();
        }
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals(r.toString(), List.of(), r.stderrLinesWith("faulty was told to fail"));
        List<String> warnings = r.stderrLinesWith("went away during the job");
        assertEquals("one warning per plugin of the bundle (faulty, faulty-optional): " + r, 2, warnings.size());
        String warning = r.stderrLinesWith("plugin 'faulty':").get(0);
        assertTrue(r.toString(), warning.startsWith("jobshell[0]:  WARN: plugin 'faulty': bundle "
                + Plugins.FAULTY + " "));
        assertTrue(r.toString(), warning.endsWith(
                " went away during the job; its remaining callbacks are dropped (first: task.exit)"));

        List<JsonNode> dropped = r.events("exec", "plugin-dropped");
        assertEquals(r.eventlog("exec").toString(), 2, dropped.size());
        Set<String> plugins = new TreeSet<>();
        for (JsonNode event : dropped) {
            JsonNode ctx = event.path("context");
            plugins.add(ctx.path("plugin").asText());
            assertTrue(ctx.toString(), ctx.path("source").asText().startsWith("bundle " + Plugins.FAULTY + " "));
            assertEquals(0, ctx.path("shell_rank").asInt(-1));
        }
        assertEquals(Set.of("faulty", "faulty-optional"), plugins);
    }

    /**
     * A plugin service whose properties change mid-job (say its ranking) and which is then
     * unregistered, still mid-job: the job, which attached it before the change, drops it too.
     */
    @Test
    public void pluginChangedThenUnregisteredMidJobIsDropped() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ShellPlugin.NAME, "watcher");
        props.put(Constants.SERVICE_RANKING, 300);
        ServiceRegistration<ShellPlugin> watcher = context.registerService(ShellPlugin.class,
                plugin -> plugin.handle("task.exit", (shell, topic, args) -> {
                    throw new ShellException("watcher called in " + topic);
                }), props);
        Plugins plugins = new Plugins(inventory);
        String probe = context.getBundle().getSymbolicName();
        JobResult r;
        try (TaskGate gate = new TaskGate()) {
            JobRunner.Running running;
            try {
                plugins.awaitActive("watcher", probe);
                running = jobs.submit(gate.job());
                Deadline.await("the job's tasks started", () -> running.hasExecEvent("shell.start"));
                props.put(Constants.SERVICE_RANKING, 301);
                watcher.setProperties(props);
                Deadline.await("the new ranking listed", () -> plugins.named("watcher").stream()
                        .anyMatch(p -> p.ranking() == 301));
            } finally {
                watcher.unregister();
            }
            plugins.awaitNoneFrom(probe);
            assertFalse("the job must still be running when the service goes away, or this test shows nothing",
                    running.ended());
            gate.open();
            r = running.await();
        }
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals(r.toString(), List.of(), r.stderrLinesWith("watcher called"));
        assertEquals(r.toString(), 1, r.stderrLinesWith("plugin 'watcher': bundle " + probe + " ").size());
        assertEquals(r.eventlog("exec").toString(), List.of("watcher"), r.events("exec", "plugin-dropped").stream()
                .map(e -> e.path("context").path("plugin").asText()).collect(Collectors.toList()));
    }
}
