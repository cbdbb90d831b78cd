package org.jobshell.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.admin.PluginInfo;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * An admin makes a required plugin optional without rebuilding it: DS merges the component's
 * ConfigAdmin configuration (PID = component name) into its service properties.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigAdminOptionalIT extends ContainerTestBase {

    /** The faulty plugin's component name, which is its configuration PID. */
    private static final String PID = "faulty";

    @Inject
    private ConfigurationAdmin configAdmin;

    /** Deploys the faulty fixture, unconfigured. */
    @Before
    public void deployFaulty() throws Exception {
        deploy(ReactorBundles.FAULTY, "faulty", Plugins.FAULTY);
    }

    /**
     * Removes its configuration, waits until DS has applied that (faulty is required again, which
     * also keeps the framework from stopping while the deletion is being delivered); the base class
     * then removes the bundle.
     */
    @After
    public void removeFaulty() throws Exception {
        org.osgi.service.cm.Configuration[] configs = configAdmin.listConfigurations("(service.pid=" + PID + ")");
        if (configs != null) {
            for (org.osgi.service.cm.Configuration c : configs) {
                c.delete();
            }
            Plugins plugins = new Plugins(inventory);
            Deadline.await("faulty required again once its configuration is deleted",
                    () -> plugins.find("faulty", Plugins.FAULTY).map(p -> !p.optional()).orElse(false));
        }
    }

    /** Configured optional, a shell.init failure of faulty only warns, and the inventory says so. */
    @Test
    public void configurationMakesARequiredPluginOptional() throws Exception {
        Plugins plugins = new Plugins(inventory);
        assertFalse("required as declared", plugins.get("faulty", Plugins.FAULTY).optional());

        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ShellPlugin.OPTIONAL, "true"); // as a .cfg file gives it: a string
        configAdmin.getConfiguration(PID, "?").update(props);
        Deadline.await("faulty listed as optional",
                () -> plugins.find("faulty", Plugins.FAULTY).map(PluginInfo::optional).orElse(false));
        assertTrue(plugins.get("faulty", Plugins.FAULTY).active());

        JobResult r = jobs.run(JobspecBuilder.command("echo", "task ran")
                .option("faulty", "shell.init"));
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals(r.toString(), "task ran\n", r.stdout());
        assertEquals(r.toString(), List.of(), r.stderrLinesWith("FATAL"));
        List<String> warnings = r.stderrLinesWith("WARN");
        assertEquals(r.toString(), 1, warnings.size());
        assertTrue(r.toString(), warnings.get(0).startsWith("jobshell[0]:  WARN: plugin 'faulty': shell.init failed:"
                + " faulty was told to fail in shell.init"));
        assertTrue(r.toString(), warnings.get(0).endsWith("(optional plugin: job goes on)"));
    }
}
