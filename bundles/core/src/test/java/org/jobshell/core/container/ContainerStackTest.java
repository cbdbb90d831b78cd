package org.jobshell.core.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jobshell.api.Args;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Topics;
import org.jobshell.core.stack.PluginEntry;
import org.jobshell.core.stack.PluginSnapshot;
import org.jobshell.core.stack.Watchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The container's stack: vetoes, the error rules, container.init, and one job's asynchronous topics. */
class ContainerStackTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final Watchdog watchdog = new Watchdog(50, 0, 0);
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicReference<PluginSnapshot> plugins = new AtomicReference<>(PluginSnapshot.EMPTY);
    private final ContainerStack stack = new ContainerStack(plugins::get, watchdog,
            new PrintStream(logged, true, StandardCharsets.UTF_8));
    private long ids;

    @AfterEach
    void close() {
        stack.close();
        watchdog.close();
    }

    private PluginEntry entry(String name, boolean optional, ShellPlugin plugin) {
        return new PluginEntry(name, 100, ++ids, optional, "bundle." + name, "1.0.0", plugin, null);
    }

    private ShellPlugin recording(String name) {
        return p -> p.handle("shell.*", (shell, topic, args) -> calls.add(name + " shell"))
                .handle("container.*", (shell, topic, args) -> calls.add(name + " " + topic))
                .handle("job.*", (shell, topic, args) -> calls.add(name + " " + topic));
    }

    private void use(PluginEntry... entries) {
        plugins.set(PluginSnapshot.of(List.of(entries)));
    }

    private String log() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aVetoRefusesNamingThePluginAndItsReasonAndTheRestAreNotAsked() {
        use(entry("first", false, recording("first")),
                entry("limit", false, p -> p.handle(Topics.JOB_SUBMITTING, (s, t, a) -> a.veto("too big"))),
                entry("last", false, recording("last")));
        assertEquals("job refused by plugin 'limit': too big", stack.refusal(Topics.JOB_SUBMITTING, new Args()));
        assertEquals(List.of("first container.init", "last container.init", "first job.submitting"), calls);
    }

    @Test
    void nobodyRefusingIsNull() {
        use(entry("first", false, recording("first")));
        assertNull(stack.refusal(Topics.JOB_KILLING, new Args()));
    }

    @Test
    void aRequiredPluginThatFailsRefusesAndAnOptionalOneOnlyWarns() {
        ShellPlugin failing = p -> p.handle(Topics.JOB_SUBMITTING, (s, t, a) -> {
            throw new ShellException("cannot reach the accounting service");
        });
        use(entry("accounting", true, failing));
        assertNull(stack.refusal(Topics.JOB_SUBMITTING, new Args()));
        assertTrue(log().contains("jobshell: warning: plugin 'accounting': job.submitting failed: cannot reach the "
                + "accounting service (bundle bundle.accounting 1.0.0); optional plugin, the job is not refused"), log());
        use(entry("accounting", false, failing));
        assertEquals("job refused by plugin 'accounting': job.submitting failed: cannot reach the accounting service",
                stack.refusal(Topics.JOB_SUBMITTING, new Args()));
    }

    @Test
    void aPluginJoiningLaterGetsContainerInitOnceAndShutdownComesInStackOrder() {
        PluginEntry a = entry("a", false, recording("a"));
        use(a);
        stack.init();
        PluginEntry b = entry("b", false, recording("b"));
        use(a, b);
        stack.init();
        stack.shutdown(1_000);
        assertEquals(List.of("a container.init", "b container.init", "a container.shutdown", "b container.shutdown"),
                calls);
    }

    @Test
    void oneJobsTopicsRunInOrderOffThePostersThreadAndFailuresAreLoggedByName() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        use(entry("slow", false, p -> p.handle(Topics.JOB_SUBMITTED, (s, t, a) -> release.await())),
                entry("notify", false, p -> p.handle("job.*", (s, t, a) -> calls.add(t))),
                entry("broken", false, p -> p.handle(Topics.JOB_SUCCEEDED, (s, t, a) -> {
                    throw new IllegalStateException("no mail server");
                })));
        JobQueue queue = stack.queue("f2dJbKpaE3");
        queue.post(Topics.JOB_SUBMITTED, new Args());
        queue.post(Topics.JOB_SUCCEEDED, new Args());
        assertEquals(List.of(), calls, "nothing runs past the slow handler, and posting did not wait for it");
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!log().contains("job.succeeded") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(Topics.JOB_SUBMITTED, Topics.JOB_SUCCEEDED), calls);
        assertEquals("jobshell: error: plugin 'broken': job.succeeded failed: IllegalStateException: no mail server"
                + " (bundle bundle.broken 1.0.0) for job f2dJbKpaE3\n", log());
    }

    @Test
    void aCatchAllHandlerIsTheJobsAndNeverSeesContainerTopics() {
        use(entry("tracer", false, p -> p.handle("*", (s, t, a) -> calls.add("tracer " + t))),
                entry("first", false, recording("first")));
        assertNull(stack.refusal(Topics.JOB_SUBMITTING, new Args()));
        assertEquals(List.of("first container.init", "first job.submitting"), calls);
        assertTrue(stack.handles(Topics.JOB_SUBMITTING));
        use(entry("tracer", false, p -> p.handle("*", (s, t, a) -> calls.add("tracer " + t))));
        assertFalse(stack.handles(Topics.JOB_SUBMITTING));
    }

    @Test
    void atContainerLevelAPluginsShellOnlyLogs() {
        use(entry("talker", false, p -> p.handle(Topics.CONTAINER_INIT, (s, t, a) -> {
            s.log().notice("hello");
            s.info();
        })));
        stack.init();
        assertTrue(log().startsWith("jobshell: notice: talker: hello\njobshell: error: plugin 'talker': container.init "
                + "failed: UnsupportedOperationException: shell.info: not available at container level"), log());
    }
}
