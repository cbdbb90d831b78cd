package org.jobshell.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.admin.PluginInfo;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * Ordering constraints across bundles: the fixture's plugin {@code early} (ranking 100) says
 * {@code jobshell.plugin.after=late}, so it comes after this test bundle's {@code late} (ranking 200)
 * on a job's stack and in the listing; once {@code late} is gone, the constraint names a plugin that is
 * not there, which is one problem, and ranking order holds.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OrderingIT extends ContainerTestBase {

    private static final String FIXTURE = "org.jobshell.fixture.ordered";

    @Test
    public void afterPutsAPluginOfAnotherBundleBehindTheNamedOneAgainstRanking() throws Exception {
        bundles.start(ReactorBundles.ORDERED);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ShellPlugin.NAME, "late");
        props.put("service.ranking", 200);
        ServiceRegistration<ShellPlugin> late = context.registerService(ShellPlugin.class,
                p -> p.handle("shell.init", (s, t, a) -> { }), props);
        try {
            Plugins plugins = new Plugins(inventory);
            plugins.awaitActive("early", FIXTURE);
            plugins.awaitActive("late", context.getBundle().getSymbolicName());
            List<String> listed = inventory.plugins().stream().filter(PluginInfo::active).map(PluginInfo::name)
                    .collect(Collectors.toList());
            assertTrue(listed.toString(), listed.indexOf("late") < listed.indexOf("early"));
            assertEquals(List.of(), inventory.problems());

            JobResult job = jobs.run(JobspecBuilder.command("true"));
            assertEquals(job.toString(), 0, job.exitCode());
            List<String> stack = job.stderrLinesWith("early: stack [");
            assertEquals(job.toString(), 1, stack.size());
            assertTrue(stack.get(0), stack.get(0).endsWith(", late, early]"));
        } finally {
            late.unregister();
        }
        Deadline.await("one problem naming early's missing neighbour", () -> inventory.problems().equals(List.of(
                "plugin 'early': jobshell.plugin.after names 'late', which is not on the stack; that constraint is "
                + "ignored")));
        JobResult alone = jobs.run(JobspecBuilder.command("true"));
        assertEquals(alone.toString(), 0, alone.exitCode());
    }
}
