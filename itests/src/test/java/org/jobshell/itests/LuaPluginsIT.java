package org.jobshell.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.jobshell.api.admin.PluginInfo;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The Lua bundle in a real container: a Lua plugin replaces a builtin by name, the inventory lists
 * the system initrc's plugins with their file, a plugin bundle loaded by rc logic is a plugin of that
 * job only (the core never sees its services), and without the Lua bundle jobs run no Lua.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LuaPluginsIT extends ContainerTestBase {

    private static final String LUA_PID = "org.jobshell.lua";

    @Inject
    private ConfigurationAdmin configAdmin;

    private Path dir;

    /** Installs the Lua bundle; the base class uninstalls it after the test. */
    @Before
    public void installLua() throws Exception {
        bundles.start(ReactorBundles.LUA);
        dir = Files.createTempDirectory("lua-it");
    }

    /** Removes the system initrc setting and what plugin.load installed. */
    @After
    public void cleanUp() throws Exception {
        Configuration[] configs = configAdmin.listConfigurations("(service.pid=" + LUA_PID + ")");
        if (configs != null) {
            for (Configuration c : configs) {
                c.delete();
            }
        }
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith("jobshell.lua:")) {
                b.uninstall();
            }
        }
    }

    private String rc(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    public void aLuaPluginNamedLikeABuiltinReplacesItForThatJob() throws Exception {
        String initrc = rc("initrc.lua", "plugin.register { name = 'cpu-affinity', handlers = {\n"
                + "  { topic = 'task.init', fn = function() task.setenv('BOUND_BY', 'lua') end } } }\n");
        JobResult r = jobs.run(JobspecBuilder.shell("echo ${BOUND_BY:-builtin}").option("initrc", initrc));
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals(r.toString(), "lua\n", r.stdout());
        JobResult plain = jobs.run(JobspecBuilder.shell("echo ${BOUND_BY:-builtin}"));
        assertEquals(plain.toString(), "builtin\n", plain.stdout());
    }

    @Test
    public void theInventoryListsTheSystemInitrcsPluginsWithTheirFile() throws Exception {
        String initrc = rc("initrc.lua", "plugin.register { name = 'cpu-affinity', handlers = {\n"
                + "  { topic = 'shell.init', fn = function() end }, { topic = 'task.*', fn = function() end } } }\n");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("initrc", initrc);
        configAdmin.getConfiguration(LUA_PID, "?").update(props);
        Deadline.await("the inventory lists the Lua plugin",
                () -> new Plugins(inventory).named("cpu-affinity").size() == 2);
        List<PluginInfo> both = new Plugins(inventory).named("cpu-affinity");
        assertFalse(both.toString(), both.get(0).active());
        assertEquals(both.toString(), "Lua file " + initrc, both.get(0).shadowedBy());
        PluginInfo lua = both.get(1);
        assertTrue(lua.toString(), lua.active());
        assertEquals(lua.toString(), "Lua file " + initrc, lua.origin());
        assertEquals(lua.toString(), "org.jobshell.lua", lua.bundle());
        assertEquals(lua.toString(), Integer.MAX_VALUE, lua.ranking());
        assertEquals(lua.toString(), List.of("shell.init", "task.*"), lua.topics());
    }

    @Test
    public void aPluginBundleLoadedByTheRcIsAPluginOfThatJobOnly() throws Exception {
        Path jar = dir.resolve("dummy.jar");
        Files.copy(new File(new java.net.URI(ReactorBundles.url(ReactorBundles.LOADABLE))).toPath(), jar);
        String initrc = rc("initrc.lua", "if shell.options.dummy then\n"
                + "  plugin.load { file = '" + jar + "', conf = { result = 7 } }\nend\n");
        JobResult loaded = jobs.run(JobspecBuilder.command("true").option("initrc", initrc).option("dummy", 1));
        assertEquals(loaded.toString(), 0, loaded.exitCode());
        assertEquals(loaded.toString(), List.of("jobshell[0]: dummy: dummy: OK result=7"),
                loaded.stderrLinesWith("OK result"));
        assertEquals(loaded.toString(), List.of("jobshell[0]: dummy: dummy: conf greeting=hello"),
                loaded.stderrLinesWith("greeting"));

        JobResult without = jobs.run(JobspecBuilder.command("true").option("initrc", initrc));
        assertEquals(without.toString(), List.of(), without.stderrLinesWith("dummy"));
        JobResult noLua = jobs.run(JobspecBuilder.command("true"));
        assertEquals(noLua.toString(), List.of(), noLua.stderrLinesWith("dummy"));
        assertEquals(inventory.plugins().toString(), List.of(), inventory.plugins().stream()
                .filter(p -> p.name().equals("dummy")).collect(Collectors.toList()));
    }

    @Test
    public void withoutTheLuaBundleJobsRunNoLua() throws Exception {
        String initrc = rc("initrc.lua", "shell.log('lua ran')\n");
        assertEquals(List.of("jobshell[0]: lua: lua ran"),
                jobs.run(JobspecBuilder.command("true").option("initrc", initrc)).stderrLinesWith("lua ran"));
        bundles.uninstallAll();
        Deadline.await("jobs run no Lua", () -> jobs.run(JobspecBuilder.command("true").option("initrc", initrc))
                .stderrLinesWith("lua ran").isEmpty());
    }
}
