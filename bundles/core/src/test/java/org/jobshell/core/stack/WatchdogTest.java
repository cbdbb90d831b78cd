package org.jobshell.core.stack;

import static org.jobshell.core.stack.TestPlugins.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jobshell.api.Args;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog bounds plugin callbacks as Felix EventAdmin bounds its handlers: slow ones are reported,
 * overrunning ones are deny-listed and interrupted (the call fails, the caller goes on), and one that
 * ignores the interrupt is given up.
 */
class WatchdogTest {

    private final PluginStack stack = new PluginStack();
    private final TestPlugins.Owner owner = new TestPlugins.Owner();
    private final List<String> calls = new ArrayList<>();
    private Watchdog watchdog;

    @AfterEach
    void close() {
        watchdog.close();
    }

    private Dispatcher dispatcher(long warnMillis, long failMillis, long abandonMillis) {
        return dispatcher(10, warnMillis, failMillis, abandonMillis);
    }

    private Dispatcher dispatcher(long periodMillis, long warnMillis, long failMillis, long abandonMillis) {
        watchdog = new Watchdog(periodMillis, warnMillis, failMillis, abandonMillis);
        return new Dispatcher(stack, new PluginCalls(watchdog));
    }

    @Test
    void anOverrunningHandlerIsInterruptedDenyListedAndTheCallGoesOn() {
        Dispatcher dispatcher = dispatcher(50, 150, 60_000);
        AttachedPlugin sleepy = plugin("sleepy", null, false, owner);
        sleepy.handle("task.exit", (s, t, a) -> {
            calls.add("sleepy");
            Thread.sleep(600_000);
        });
        stack.push(sleepy);
        stack.push(recording("after"));
        List<Failure> failures = dispatcher.call("task.exit", new Args());
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).overran());
        assertEquals("plugin 'sleepy': task.exit did not return within 150 ms; deny-listed for the rest of the job",
                failures.get(0).describe());
        assertEquals(List.of("sleepy", "after"), calls);
        assertEquals(List.of("slow sleepy@task.exit"), owner.reports);
        assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt leaked out of the call");
        assertTrue(sleepy.denied());
        assertEquals(List.of(), dispatcher.call("task.exit", new Args()));
        assertEquals(List.of("sleepy", "after", "after"), calls, "a deny-listed plugin was called again");
    }

    @Test
    void onlyTheNestedHandlerThatOverranIsBlamed() {
        Dispatcher dispatcher = dispatcher(0, 150, 60_000);
        AtomicReference<List<Failure>> inner = new AtomicReference<>();
        AttachedPlugin outer = plugin("outer", null, false, owner);
        outer.handle("shell.init", (s, t, a) -> inner.set(dispatcher.call("custom.wait", new Args())));
        AttachedPlugin waiter = plugin("waiter", null, false, owner);
        waiter.handle("custom.*", (s, t, a) -> Thread.sleep(600_000));
        stack.push(outer);
        stack.push(waiter);
        assertEquals(List.of(), dispatcher.call("shell.init", new Args()));
        assertEquals("plugin 'waiter': custom.wait did not return within 150 ms; deny-listed for the rest of the job",
                inner.get().get(0).describe());
        assertTrue(waiter.denied());
        assertFalse(outer.denied());
    }

    @Test
    void aHandlerThatIgnoresTheInterruptIsAbandoned() throws Exception {
        Dispatcher dispatcher = dispatcher(0, 100, 200);
        AtomicBoolean release = new AtomicBoolean();
        AttachedPlugin stubborn = plugin("stubborn", null, false, owner);
        stubborn.handle("shell.init", (s, t, a) -> {
            while (!release.get()) {
                LockSupport.parkNanos(1_000_000);
                Thread.interrupted(); // swallows the watchdog's interrupt
            }
        });
        stack.push(stubborn);
        AtomicReference<List<Failure>> failures = new AtomicReference<>();
        Thread caller = new Thread(() -> failures.set(dispatcher.call("shell.init", new Args())));
        caller.start();
        while (!owner.reports.contains("abandoned stubborn@shell.init")) {
            assertTrue(caller.isAlive(), "the call ended before it was abandoned: " + failures.get());
            Thread.sleep(10);
        }
        release.set(true);
        caller.join(60_000);
        assertTrue(failures.get().get(0).overran(), "the late return still counts as an overrun");
    }

    @Test
    void aStreamOfQuickCallbacksIsNotTakenForOneLongOne() throws Exception {
        // limits far below the pauses between calls; the watchdog samples inside every call (by hand,
        // from the handler): one that confused consecutive calls would report the third one
        Dispatcher dispatcher = dispatcher(3_600_000, 5, 5, 60_000); // no ticks but the handler's
        AttachedPlugin quick = plugin("quick", null, false, owner);
        quick.handle("*", (s, t, a) -> watchdog.tick());
        stack.push(quick);
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of(), dispatcher.call("task.exit", new Args()));
            Thread.sleep(20);
        }
        assertEquals(List.of(), owner.reports);
        assertFalse(quick.denied());
    }

    @Test
    void aCallbackOffTheDispatchPathIsGuardedTheSameWay() {
        dispatcher(0, 100, 60_000);
        PluginCalls pluginCalls = new PluginCalls(watchdog);
        AttachedPlugin listener = plugin("listener", null, false, owner);
        AtomicBoolean after = new AtomicBoolean();
        assertFalse(pluginCalls.run(listener, "stdout listener", () -> Thread.sleep(600_000)));
        assertEquals(List.of("failed plugin 'listener': stdout listener did not return within 100 ms; deny-listed for "
                + "the rest of the job"), owner.reports);
        assertFalse(pluginCalls.run(listener, "stdout listener", () -> after.set(true)));
        assertFalse(after.get(), "a deny-listed plugin's listener ran again");
    }

    private AttachedPlugin recording(String name) {
        AttachedPlugin p = plugin(name, null, false, owner);
        p.handle("*", (s, t, a) -> calls.add(name));
        return p;
    }
}
