package org.jobshell.core.stack;

import static org.jobshell.core.stack.TestPlugins.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jobshell.api.Args;
import org.junit.jupiter.api.Test;

/** The watchdog names a callback that runs too long, first as slow, then as stuck. */
class WatchdogTest {

    @Test
    void aBlockedCallbackIsReportedSlowThenStuck() throws Exception {
        PluginStack stack = new PluginStack();
        Dispatcher dispatcher = new Dispatcher(stack, (p, t) -> { });
        CountDownLatch release = new CountDownLatch(1);
        AttachedPlugin sleepy = plugin("sleepy");
        sleepy.handle("shell.init", (s, t, a) -> release.await());
        stack.push(sleepy);
        AtomicReference<String> slow = new AtomicReference<>();
        CountDownLatch stuck = new CountDownLatch(1);
        AtomicReference<String> stuckWhat = new AtomicReference<>();
        Watchdog.Target target = target(dispatcher,
                (p, topic, elapsed) -> slow.compareAndSet(null, p.name() + "@" + topic),
                (p, topic, elapsed) -> {
                    stuckWhat.set(p.name() + "@" + topic + " after " + (elapsed >= 150 ? ">=150" : elapsed));
                    stuck.countDown();
                    release.countDown();
                });
        try (Watchdog watchdog = new Watchdog(10, 50, 150)) {
            watchdog.watch(target);
            Thread caller = new Thread(() -> dispatcher.call("shell.init", new Args()));
            caller.start();
            assertTrue(stuck.await(10, TimeUnit.SECONDS), "the watchdog never reported the stuck callback");
            caller.join(10_000);
        }
        assertEquals("sleepy@shell.init", slow.get());
        assertEquals("sleepy@shell.init after >=150", stuckWhat.get());
    }

    @Test
    void quickCallbacksAreNotReported() throws Exception {
        PluginStack stack = new PluginStack();
        Dispatcher dispatcher = new Dispatcher(stack, (p, t) -> { });
        AttachedPlugin quick = plugin("quick");
        quick.handle("*", (s, t, a) -> { });
        stack.push(quick);
        AtomicReference<String> reported = new AtomicReference<>();
        Watchdog.Target target = target(dispatcher,
                (p, topic, elapsed) -> reported.set("slow " + topic),
                (p, topic, elapsed) -> reported.set("stuck " + topic));
        // a stream of quick callbacks lasting longer than the limits: a watchdog that took them for
        // one long callback would report; limits well above any scheduling hiccup keep it honest
        try (Watchdog watchdog = new Watchdog(5, 1000, 1200)) {
            watchdog.watch(target);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            while (System.nanoTime() < end) {
                dispatcher.call("task.exit", new Args());
            }
            watchdog.tick();
        }
        assertEquals(null, reported.get());
    }

    /** What a test does with one kind of watchdog report. */
    private interface Report {
        void on(AttachedPlugin plugin, String topic, long elapsedMillis);
    }

    /** A watchdog target sampling {@code dispatcher}, passing its reports to {@code slow} and {@code stuck}. */
    private static Watchdog.Target target(Dispatcher dispatcher, Report slow, Report stuck) {
        return new Watchdog.Target() {
            @Override
            public Dispatcher dispatcher() {
                return dispatcher;
            }

            @Override
            public void slow(AttachedPlugin plugin, String topic, long elapsedMillis) {
                slow.on(plugin, topic, elapsedMillis);
            }

            @Override
            public void stuck(AttachedPlugin plugin, String topic, long elapsedMillis) {
                stuck.on(plugin, topic, elapsedMillis);
            }
        };
    }
}
