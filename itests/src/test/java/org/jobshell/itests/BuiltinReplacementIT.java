package org.jobshell.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;
import org.jobshell.api.LogLevel;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.OutputListener;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Task;
import org.jobshell.api.TaskStream;
import org.jobshell.api.admin.PluginInfo;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * Every builtin is a plugin like a site's: a service of the same name with a higher ranking replaces
 * it for the next job, and unregistering it brings the builtin back. One family each: the
 * environment (tmpdir), the first task exit (task-exit), task output (output), the shell log
 * (evlog), kill requests (kill_event_handler), the end of the tasks (tasks-complete); cpu-affinity is
 * {@link HotSwapIT}'s, signals the end-to-end SiteSignalsIT's (it takes a real signal).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BuiltinReplacementIT extends ContainerTestBase {

    private static final int SIGUSR1 = 10;
    private static final int SIGUSR2 = 12;

    /** The replacements this test registered and has not unregistered. */
    private final List<ServiceRegistration<ShellPlugin>> registered = new ArrayList<>();

    private ServiceRegistration<ShellPlugin> replace(String name, ShellPlugin plugin) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ShellPlugin.NAME, name);
        props.put("service.ranking", 100);
        ServiceRegistration<ShellPlugin> r = context.registerService(ShellPlugin.class, plugin, props);
        registered.add(r);
        return r;
    }

    /** The next test gets the builtins again. */
    @After
    public void unregisterReplacements() {
        for (ServiceRegistration<ShellPlugin> r : registered) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyUnregistered) {
                // the test did it
            }
        }
    }

    /** The builtin of that name from that bundle is shadowed by this test's bundle. */
    private void assertShadowed(String name, String builtinBundle) {
        Plugins plugins = new Plugins(inventory);
        plugins.awaitActive(name, context.getBundle().getSymbolicName());
        PluginInfo builtin = plugins.get(name, builtinBundle);
        assertFalse(builtin.toString(), builtin.active());
        assertTrue(builtin.toString(), builtin.shadowedBy().startsWith(context.getBundle().getSymbolicName() + " "));
    }

    @Test
    public void tmpdirIsReplacedAndComesBack() throws Exception {
        bundles.start(ReactorBundles.TMPDIR);
        new Plugins(inventory).awaitActive("tmpdir", "org.jobshell.plugin.tmpdir");
        JobspecBuilder job = JobspecBuilder.shell("echo ${JOBSHELL_JOB_TMPDIR:-none}");
        assertTrue(jobs.run(job).stdout().startsWith("/tmp/jobtmp-0-"));

        ServiceRegistration<ShellPlugin> site = replace("tmpdir", p -> p.handle("shell.init",
                (s, t, a) -> s.environment().set("JOBSHELL_JOB_TMPDIR", "/site/scratch")));
        assertShadowed("tmpdir", "org.jobshell.plugin.tmpdir");
        assertEquals("/site/scratch\n", jobs.run(job).stdout());

        site.unregister();
        new Plugins(inventory).awaitActive("tmpdir", "org.jobshell.plugin.tmpdir");
        assertTrue(jobs.run(job).stdout().startsWith("/tmp/jobtmp-0-"));
    }

    @Test
    public void taskExitIsReplaced() throws Exception {
        bundles.start(ReactorBundles.TASK_EXIT);
        new Plugins(inventory).awaitActive("task-exit", "org.jobshell.plugin.taskexit");
        JobspecBuilder job = JobspecBuilder.shell("exit 3").option("exit-on-error", 1);
        JobResult builtin = jobs.run(job);
        assertEquals(builtin.toString(), 3, builtin.exitCode());
        assertEquals(builtin.toString(), 1, builtin.stderrLinesWith("failed (Exit 3) and exit-on-error is set").size());

        replace("task-exit", p -> p.declare(OptionSpec.of("exit-on-error", OptionSpec.Type.ANY)));
        assertShadowed("task-exit", "org.jobshell.plugin.taskexit");
        JobResult site = jobs.run(job);
        assertEquals(site.toString(), 3, site.exitCode());
        assertEquals(site.toString(), "", site.stderr());
    }

    @Test
    public void outputIsReplaced() throws Exception {
        replace("output", p -> p.handle("task.init", (s, t, a) -> s.currentTask().subscribe(TaskStream.STDOUT,
                new OutputListener() {
                    @Override
                    public void data(Task task, TaskStream stream, ByteBuffer data) {
                        byte[] b = new byte[data.remaining()];
                        data.get(b);
                        try {
                            s.terminal(TaskStream.STDOUT).write(("site: " + new String(b, StandardCharsets.UTF_8))
                                    .getBytes(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void eof(Task task, TaskStream stream) {
                    }
                })));
        assertShadowed("output", "org.jobshell.plugin.output");
        JobResult r = jobs.run(JobspecBuilder.command("echo", "hi"));
        assertEquals(r.toString(), "site: hi\n", r.stdout());
    }

    @Test
    public void evlogIsReplacedAndComesBack() throws Exception {
        deploy(ReactorBundles.EVLOG, "evlog", "org.jobshell.plugin.evlog");
        JobspecBuilder job = JobspecBuilder.shell("kill -TERM $$");
        JobResult builtin = jobs.run(job);
        assertEquals(builtin.toString(), List.of("jobshell[0]: ERROR: task 0: killed by SIGTERM"), builtin.stderrLines());
        assertEquals(builtin.toString(), 1, builtin.events("output", "log").size());

        ServiceRegistration<ShellPlugin> site = replace("evlog", p -> p.handle("shell.log", (s, t, a) -> {
            s.recordLog(LogLevel.ofSeverity(a.in().path("level").asInt()), "site-log", a.in().path("message").asText());
            a.markHandled();
        }));
        assertShadowed("evlog", "org.jobshell.plugin.evlog");
        JobResult replaced = jobs.run(job); // the site's shows every message, debug ones too, as its own
        assertEquals(replaced.toString(), List.of("jobshell[0]: DEBUG: site-log: tasks start with the processbuilder"
                + " launcher", "jobshell[0]: ERROR: site-log: task 0: killed by SIGTERM"), replaced.stderrLines());

        site.unregister();
        new Plugins(inventory).awaitActive("evlog", "org.jobshell.plugin.evlog");
        assertEquals(builtin.stderrLines(), jobs.run(job).stderrLines());
    }

    @Test
    public void killEventHandlerIsReplaced() throws Exception {
        deploy(ReactorBundles.KILL_EVENT_HANDLER, "kill_event_handler", "org.jobshell.plugin.killeventhandler");
        JobspecBuilder job = JobspecBuilder.shell("trap 'echo got USR1; exit 0' USR1; trap 'echo got USR2; exit 0' USR2;"
                + " echo started; while :; do sleep 0.05; done");
        assertEquals(List.of("started", "got USR1"), killed(job, SIGUSR1).stdoutLines());

        replace("kill_event_handler", p -> p.handle("shell.kill", (s, t, a) -> {
            s.log().notice("signal " + a.in().path("signum").asInt() + " becomes SIGUSR2");
            s.killAll(SIGUSR2);
            a.markHandled();
        }));
        assertShadowed("kill_event_handler", "org.jobshell.plugin.killeventhandler");
        JobResult site = killed(job, SIGUSR1);
        assertEquals(site.toString(), List.of("started", "got USR2"), site.stdoutLines());
        assertEquals(site.toString(), List.of("jobshell[0]: kill_event_handler: signal 10 becomes SIGUSR2"),
                site.stderrLinesWith("jobshell"));
    }

    @Test
    public void tasksCompleteIsReplacedAndNoJobWaitsForIt() throws Exception {
        deploy(ReactorBundles.TASKS_COMPLETE, "tasks-complete", "org.jobshell.plugin.taskscomplete");
        // two shells: the leader's output plugin writes the other's output until shell.tasks-complete
        JobspecBuilder job = JobspecBuilder.command("echo", "hi").tasks(2).nodes(2);
        JobResult builtin = jobs.run(job);
        assertEquals(builtin.toString(), List.of("hi", "hi"), builtin.stdoutLines());

        // hears every shell finish, never calls shell.tasks-complete: the core does after the last one
        replace("tasks-complete", p -> p.handle("shell.finished",
                (s, t, a) -> s.log().notice("shell " + a.in().path("shell_rank").asInt() + " finished")));
        assertShadowed("tasks-complete", "org.jobshell.plugin.taskscomplete");
        JobResult site = jobs.run(job);
        assertEquals(site.toString(), 0, site.exitCode());
        assertEquals(site.toString(), List.of("hi", "hi"), site.stdoutLines());
        assertEquals(site.toString(), List.of("jobshell[0]: tasks-complete: shell 0 finished",
                "jobshell[0]: tasks-complete: shell 1 finished"), site.stderrLines().stream().sorted()
                .collect(Collectors.toList()));
    }

    /** Runs the job, sends it a kill request once its task said {@code started}, and waits for its end. */
    private JobResult killed(JobspecBuilder job, int signal) {
        JobRunner.Running running = jobs.submit(job);
        Path output = running.job().directory().resolve("output.eventlog");
        Deadline.await("the task started", () -> JobResult.readEventlog(output).stream()
                .anyMatch(e -> e.path("context").path("data").asText().equals("started\n")));
        running.job().kill(signal);
        return running.await();
    }
}
