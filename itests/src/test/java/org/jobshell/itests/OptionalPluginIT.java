package org.jobshell.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Plugin failures through real bundles and services: a required plugin failing a fatal topic fails
 * the job, naming the plugin, topic and bundle; an optional one only warns; failures on non-fatal
 * topics are logged errors.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OptionalPluginIT extends ContainerTestBase {

    /** Deploys the faulty fixture (the base class removes it after each test). */
    @Before
    public void deployFaulty() throws Exception {
        deploy(ReactorBundles.FAULTY, "faulty", Plugins.FAULTY);
        new Plugins(inventory).awaitActive("faulty-optional", Plugins.FAULTY);
    }

    /** The inventory shows which plugin is optional, as the service properties declare. */
    @Test
    public void inventoryShowsWhichPluginIsOptional() {
        Plugins plugins = new Plugins(inventory);
        assertFalse(plugins.get("faulty", Plugins.FAULTY).optional());
        assertTrue(plugins.get("faulty-optional", Plugins.FAULTY).optional());
        assertEquals(List.of("*"), plugins.get("faulty", Plugins.FAULTY).topics());
    }

    /** A required plugin failing shell.init: exit 1, one FATAL line, no task started. */
    @Test
    public void requiredPluginFailingShellInitFailsTheJob() {
        JobResult r = jobs.run(echo().option("faulty", "shell.init"));
        assertEquals(r.toString(), 1, r.exitCode());
        assertEquals("no task ran: " + r, "", r.stdout());
        List<String> fatal = r.stderrLinesWith("FATAL");
        assertEquals(r.toString(), 1, fatal.size());
        assertEquals(r.toString(), "jobshell[0]: FATAL: plugin 'faulty': shell.init failed: faulty was told to fail"
                + " in shell.init (bundle " + Plugins.FAULTY + " " + bundleVersion() + ")", fatal.get(0));

        List<JsonNode> exceptions = r.events("exec", "exception");
        assertEquals(r.eventlog("exec").toString(), 1, exceptions.size());
        assertTrue(exceptions.toString(), exceptions.get(0).path("context").path("note").asText()
                .startsWith("plugin 'faulty': shell.init failed"));
    }

    /** An optional plugin failing shell.init: the job runs and exits 0, with one WARN line naming it. */
    @Test
    public void optionalPluginFailingShellInitOnlyWarns() {
        JobResult r = jobs.run(echo().option("faulty-optional", "shell.init"));
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals(r.toString(), "task ran\n", r.stdout());
        assertEquals(r.toString(), List.of(), r.stderrLinesWith("FATAL"));
        assertEquals(r.toString(), List.of("jobshell[0]:  WARN: plugin 'faulty-optional': shell.init failed:"
                + " faulty-optional was told to fail in shell.init (bundle " + Plugins.FAULTY + " " + bundleVersion()
                + ") (optional plugin: job goes on)"), r.stderrLines());
    }

    /** A failure in task.exit, which is not fatal: one ERROR line, and the job exits 0. */
    @Test
    public void failureInTaskExitIsLoggedAndTheJobSucceeds() {
        JobResult r = jobs.run(echo().option("faulty", "task.exit"));
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals(r.toString(), "task ran\n", r.stdout());
        assertEquals(r.toString(), List.of("jobshell[0]: ERROR: plugin 'faulty': task.exit failed: faulty was told"
                + " to fail in task.exit (bundle " + Plugins.FAULTY + " " + bundleVersion() + ")"), r.stderrLines());
    }

    private static JobspecBuilder echo() {
        return JobspecBuilder.command("echo", "task ran");
    }

    private String bundleVersion() {
        return new Plugins(inventory).get("faulty", Plugins.FAULTY).bundleVersion();
    }
}
