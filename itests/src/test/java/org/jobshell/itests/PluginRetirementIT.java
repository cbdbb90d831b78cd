package org.jobshell.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.jobshell.core.spi.PluginRetirement;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Hot deployment's way out for a plugin bundle, in a real framework: a retired bundle leaves the
 * stack of new jobs at once, the job that attached its plugins keeps calling them to its end
 * (unlike a bundle that stops, {@link PluginGoneMidJobIT}), and the retirement completes only then.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginRetirementIT extends ContainerTestBase {

    @Inject
    private PluginRetirement retirement;

    @Test
    public void aRetiredBundlesPluginsLeaveNewJobsButTheRunningJobKeepsThemToItsEnd() throws Exception {
        Bundle faulty = deploy(ReactorBundles.FAULTY, "faulty", Plugins.FAULTY);
        JobResult r;
        CompletableFuture<Void> free;
        try (TaskGate gate = new TaskGate()) {
            JobRunner.Running running = jobs.submit(gate.job().option("faulty", "task.exit"));
            Deadline.await("the job's tasks started", () -> running.hasExecEvent("shell.start"));
            free = retirement.retire(faulty).toCompletableFuture();
            new Plugins(inventory).awaitNoneFrom(Plugins.FAULTY);
            assertFalse("a job still holds the bundle", free.isDone());
            JobResult fresh = jobs.run(JobspecBuilder.command("true").option("faulty", "task.exit"));
            assertEquals("a new job has no faulty plugin: " + fresh, 0, fresh.stderrLinesWith("faulty was told").size());
            assertEquals(fresh.toString(), 0, fresh.exitCode());
            assertFalse(running.ended());
            gate.open();
            r = running.await();
        }
        free.get(30, TimeUnit.SECONDS);
        assertEquals(r.toString(), 1, r.stderrLinesWith("faulty was told to fail in task.exit").size());
        assertEquals("no callback was dropped: " + r, 0, r.stderrLinesWith("went away during the job").size());
        assertTrue(faulty.getState() == Bundle.ACTIVE);
    }
}
