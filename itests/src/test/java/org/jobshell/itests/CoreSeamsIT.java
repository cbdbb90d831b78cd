package org.jobshell.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import org.jobshell.core.spi.PluginSource;
import org.jobshell.core.spi.TaskLauncher;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Bundles outside the core extend it through its SPI: a plugin source contributes a plugin to each
 * job (replacing a builtin by name), a launcher service ranked above the core's starts the tasks, and
 * a plugin's ConfigAdmin configuration is its {@code conf()}. Each component of the fixture is
 * switched on by its configuration and off again by deleting it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreSeamsIT extends ContainerTestBase {

    private static final String SOURCE_PID = "org.jobshell.fixture.seams.source";
    private static final String LAUNCHER_PID = "org.jobshell.fixture.seams.launcher";
    private static final String CONF_PID = "org.jobshell.fixture.seams.conf";

    @Inject
    private ConfigurationAdmin configAdmin;

    /** Installs the fixture with every component off. */
    @Before
    public void installSeams() throws Exception {
        bundles.start(ReactorBundles.SEAMS);
    }

    /** Switches every component off again; the base class then removes the bundle. */
    @After
    public void switchOff() throws Exception {
        for (String pid : List.of(SOURCE_PID, LAUNCHER_PID, CONF_PID)) {
            Configuration[] configs = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            if (configs != null) {
                for (Configuration c : configs) {
                    c.delete();
                }
            }
        }
        Deadline.await("jobs run without the fixture again", () -> {
            JobResult r = probe();
            return r.exitCode() == 0 && r.stdout().equals("unset\n");
        });
    }

    /**
     * A job that shows which of the fixture's components it got. Felix takes a service out of the
     * registry before it tells DS, so the registry can say "gone" while the core still binds it: only
     * a job tells what the next job gets.
     */
    private JobResult probe() {
        return jobs.run(JobspecBuilder.command("sh", "-c", "echo ${JOBSHELL_FIXTURE:-unset}"));
    }

    /** The source's plugin replaces the builtin cpu-affinity: it takes the end of the stack, the builtin is gone. */
    @Test
    public void aPluginSourceContributesAPluginThatReplacesABuiltinByName() throws Exception {
        switchOn(SOURCE_PID, new Hashtable<>());
        Deadline.await("jobs get the source's plugin", () -> probe().stdout().equals("pushed-by-source\n"));
        JobResult r = probe();
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals(r.toString(), "pushed-by-source\n", r.stdout());
        assertEquals(r.toString(), List.of("jobshell[0]: cpu-affinity: stack: output,cpu-affinity"),
                r.stderrLinesWith("stack:"));

        configAdmin.getConfiguration(SOURCE_PID, "?").delete();
        Deadline.await("the plugin source is unregistered", () -> services(PluginSource.class) == 0);
        Deadline.await("jobs no longer get the source's plugin", () -> probe().stdout().equals("unset\n"));
        assertEquals(r.toString(), List.of(), probe().stderrLinesWith("stack:"));
    }

    /** A launcher ranked above the core's ProcessBuilder launcher starts the next job's tasks. */
    @Test
    public void aHigherRankedLauncherServiceIsUsedForNewJobs() throws Exception {
        switchOn(LAUNCHER_PID, new Hashtable<>());
        Deadline.await("the fixture launcher is registered", () -> services(TaskLauncher.class) == 2);
        Deadline.await("jobs use the fixture launcher", () -> jobs.run(JobspecBuilder.command("true")).exitCode() == 42);
        JobResult r = jobs.run(JobspecBuilder.command("true"));
        assertEquals(r.toString(), 42, r.exitCode());
        assertEquals(r.toString(), "fixture launched true\n", r.stdout());

        configAdmin.getConfiguration(LAUNCHER_PID, "?").delete();
        Deadline.await("the fixture launcher is unregistered", () -> services(TaskLauncher.class) == 1);
        Deadline.await("jobs use the core's launcher again", () -> jobs.run(JobspecBuilder.command("true")).exitCode() == 0);
        JobResult after = jobs.run(JobspecBuilder.command("echo", "real"));
        assertEquals(after.toString(), "real\n", after.stdout());
    }

    /** What an admin puts in the plugin's configuration (an etc/*.cfg file) is what the plugin gets as conf. */
    @Test
    public void aPluginsConfigurationIsItsConf() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("greeting", "hello");
        props.put("count", 3);
        switchOn(CONF_PID, props);
        new Plugins(inventory).awaitActive("conf-echo", Plugins.SEAMS);
        JobResult r = jobs.run(JobspecBuilder.command("true"));
        assertEquals(r.toString(), 0, r.exitCode());
        List<String> lines = r.stderrLinesWith("conf-echo: conf ");
        assertEquals(r.toString(), 1, lines.size());
        JsonNode conf = new ObjectMapper().readTree(lines.get(0).substring(lines.get(0).indexOf('{')));
        assertEquals(r.toString(), "hello", conf.get("greeting").asText());
        assertEquals(r.toString(), 3, conf.get("count").asInt());
        assertEquals(r.toString(), 2, conf.size()); // no service.*, component.*, objectClass or jobshell.plugin.*
    }

    private void switchOn(String pid, Dictionary<String, Object> props) throws Exception {
        configAdmin.getConfiguration(pid, "?").update(props);
    }

    private int services(Class<?> type) {
        try {
            var refs = context.getServiceReferences(type.getName(), null);
            return refs == null ? 0 : refs.length;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
