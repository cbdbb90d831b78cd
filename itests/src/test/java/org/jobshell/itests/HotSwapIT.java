package org.jobshell.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.jobshell.api.admin.PluginInfo;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The headline: an admin deploys a site bundle with a builtin's plugin name and a higher ranking
 * into a running container, the next job gets it, and removing it brings the builtin back, with
 * no restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT extends ContainerTestBase {

    /** Prints which plugin bound the task: the site plugin exports its CPU list, the builtin nothing. */
    private static final JobspecBuilder SHOW_BINDING = JobspecBuilder.shell("echo ${JOBSHELL_CPU_BINDING:-none}");

    /** Builtin, then the site plugin once installed, then the builtin again once it is uninstalled. */
    @Test
    public void siteBundleReplacesTheBuiltinForTheNextJobUntilItIsUninstalled() throws Exception {
        Plugins plugins = new Plugins(inventory);

        plugins.awaitActive("cpu-affinity", Plugins.BUILTIN_CPU_AFFINITY);
        JobResult before = jobs.run(SHOW_BINDING);
        assertEquals(before.toString(), 0, before.exitCode());
        assertEquals(before.toString(), "none\n", before.stdout());

        Bundle site = bundles.start(ReactorBundles.SITE_CPU_AFFINITY);
        plugins.awaitActive("cpu-affinity", Plugins.SITE_CPU_AFFINITY);
        PluginInfo siteInfo = plugins.get("cpu-affinity", Plugins.SITE_CPU_AFFINITY);
        assertEquals(100, siteInfo.ranking());
        assertEquals(site.getVersion().toString(), siteInfo.bundleVersion());
        PluginInfo builtin = plugins.get("cpu-affinity", Plugins.BUILTIN_CPU_AFFINITY);
        assertFalse("builtin shadowed: " + builtin, builtin.active());
        assertTrue("shadowed by the site bundle: " + builtin,
                builtin.shadowedBy().startsWith(Plugins.SITE_CPU_AFFINITY + " "));
        assertEquals("the site plugin is listed after the builtin it replaces", Plugins.SITE_CPU_AFFINITY,
                plugins.named("cpu-affinity").get(1).bundle());

        JobResult during = jobs.run(SHOW_BINDING);
        assertEquals(during.toString(), 0, during.exitCode());
        assertEquals("a one-task job is bound to all of the shell's cores: " + during,
                during.cores() + "\n", during.stdout());

        site.uninstall();
        plugins.awaitNoneFrom(Plugins.SITE_CPU_AFFINITY);
        PluginInfo restored = plugins.get("cpu-affinity", Plugins.BUILTIN_CPU_AFFINITY);
        assertTrue("builtin active again: " + restored, restored.active());
        assertEquals(null, restored.shadowedBy());

        JobResult after = jobs.run(SHOW_BINDING);
        assertEquals(after.toString(), 0, after.exitCode());
        assertEquals(after.toString(), "none\n", after.stdout());
    }
}
