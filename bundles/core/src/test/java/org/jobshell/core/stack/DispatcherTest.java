package org.jobshell.core.stack;

import static org.jobshell.core.stack.TestPlugins.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.Args;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;

/** The plugin stack and dispatch: acceptance scenarios A1-A4, A6, A7 of the spec, adapted. */
class DispatcherTest {

    private final PluginStack stack = new PluginStack();
    /** No limits: these tests are about dispatch, WatchdogTest about time. */
    private static final Watchdog UNLIMITED = new Watchdog(1_000, 0, 0);

    private final TestPlugins.Owner owner = new TestPlugins.Owner();
    private final PluginCalls pluginCalls = new PluginCalls(UNLIMITED);
    private final Dispatcher dispatcher = new Dispatcher(stack, pluginCalls);
    private final List<String> calls = new ArrayList<>();

    @Test
    void a1OnePluginSetsOutArgs() {
        stack.push(counting("mikey", "callback", "foo", "called foo"));
        Args args = new Args();
        assertEquals(List.of(), dispatcher.call("callback", args));
        assertEquals("called foo", args.out().get("result").asText());
        assertEquals(List.of("foo"), calls);
    }

    @Test
    void a2EveryPluginIsCalledInOrderAndTheLastOutWriterWins() {
        stack.push(counting("mikey", "callback", "foo", "called foo"));
        stack.push(counting("joey", "callback", "bar", "called bar"));
        Args args = new Args();
        dispatcher.call("callback", args);
        assertEquals(List.of("foo", "bar"), calls);
        assertEquals("called bar", args.out().get("result").asText());
    }

    @Test
    void a3SameNameReplacesAndTakesTheEndOfTheStack() {
        AttachedPlugin p1 = counting("mikey", "callback", "foo", "called foo");
        stack.push(p1);
        stack.push(counting("joey", "callback", "bar", "called bar"));
        AttachedPlugin replaced = stack.push(counting("mikey", "callback", "bar", "called bar by mikey"));
        assertSame(p1, replaced);
        assertEquals(List.of("joey", "mikey"), stack.names());
        Args args = new Args();
        dispatcher.call("callback", args);
        assertEquals(List.of("bar", "bar"), calls);
        assertEquals("called bar by mikey", args.out().get("result").asText());
    }

    @Test
    void a4OnlyTheFirstMatchingHandlerOfAPluginRuns() {
        AttachedPlugin p = plugin("test");
        p.handle("foo.*", (s, t, a) -> calls.add("foo"));
        p.handle("*", (s, t, a) -> calls.add("bar"));
        stack.push(p);
        dispatcher.call("foo.test", new Args());
        assertEquals(List.of("foo"), calls);
        calls.clear();
        dispatcher.call("fallthru", new Args());
        assertEquals(List.of("bar"), calls);
    }

    @Test
    void a6ATopicNobodyHandlesSucceedsWithoutSideEffects() {
        stack.push(counting("mikey", "callback", "foo", "x"));
        Args args = new Args();
        assertEquals(List.of(), dispatcher.call("nobody.handles", args));
        assertEquals(List.of(), calls);
        assertTrue(args.out().isEmpty());
    }

    @Test
    void a7FailuresDoNotStopDispatchAndAreEachReported() {
        stack.push(failing("one"));
        stack.push(counting("ok", "t", "ok", "ok"));
        stack.push(failing("two"));
        List<Failure> failures = dispatcher.call("t", new Args());
        assertEquals(List.of("one", "ok", "two"), calls);
        assertEquals(2, failures.size());
        assertEquals("plugin 'one': t failed: one refuses", failures.get(0).describe());
        assertEquals("plugin 'two': t failed: two refuses", failures.get(1).describe());
    }

    @Test
    void anUnexpectedExceptionIsReportedWithItsType() {
        AttachedPlugin p = plugin("npe", new TestPlugins.Source(), false, owner);
        p.handle("*", (s, t, a) -> {
            throw new NullPointerException("x is null");
        });
        stack.push(p);
        Failure f = dispatcher.call("shell.init", new Args()).get(0);
        assertEquals("plugin 'npe': shell.init failed: NullPointerException: x is null (bundle test.bundle 1.0.0)",
                f.describe());
    }

    @Test
    void fatalStopsTheCallAtOnce() {
        AttachedPlugin dies = plugin("dies");
        dies.handle("*", (s, t, a) -> {
            calls.add("dies");
            throw new Fatal("gone");
        });
        stack.push(dies);
        stack.push(counting("after", "*", "after", "x"));
        assertThrows(Fatal.class, () -> dispatcher.call("shell.init", new Args()));
        assertEquals(List.of("dies"), calls);
    }

    @Test
    void aPluginWhoseSourceWentAwayIsSkippedAndReportedOnce() {
        TestPlugins.Source source = new TestPlugins.Source();
        AttachedPlugin p = plugin("gone", source, false, owner);
        p.handle("*", (s, t, a) -> calls.add("gone"));
        stack.push(p);
        dispatcher.call("shell.init", new Args());
        source.gone = true;
        dispatcher.call("task.init", new Args());
        dispatcher.call("task.exit", new Args());
        assertEquals(List.of("gone"), calls);
        assertEquals(List.of("dropped gone@task.init"), owner.reports);
    }

    @Test
    void handlersAddedDuringACallApplyToLaterCalls() {
        AttachedPlugin p = plugin("grows");
        p.handle("shell.init", (s, t, a) -> {
            calls.add("init");
            p.handle("task.exec", (s2, t2, a2) -> calls.add("exec"));
        });
        stack.push(p);
        dispatcher.call("task.exec", new Args());
        dispatcher.call("shell.init", new Args());
        dispatcher.call("task.exec", new Args());
        assertEquals(List.of("init", "exec"), calls);
    }

    @Test
    void unhandleRemovesTheFirstHandlerWithThatExactGlob() {
        AttachedPlugin p = plugin("p");
        p.handle("task.*", (s, t, a) -> calls.add("first"));
        p.handle("task.*", (s, t, a) -> calls.add("second"));
        stack.push(p);
        assertTrue(p.unhandle("task.*"));
        dispatcher.call("task.exit", new Args());
        assertEquals(List.of("second"), calls);
        assertEquals(false, p.unhandle("shell.*"));
    }

    @Test
    void aNestedCallRestoresWhatTheWatchdogSees() {
        AttachedPlugin outer = plugin("outer");
        outer.handle("shell.init", (s, t, a) -> {
            dispatcher.call("custom.topic", new Args());
            calls.add(pluginCalls.current().name() + "@" + pluginCalls.site().what());
        });
        stack.push(outer);
        stack.push(counting("inner", "custom.*", "inner", "x"));
        dispatcher.call("shell.init", new Args());
        assertEquals(List.of("inner", "outer@shell.init"), calls);
        assertNull(pluginCalls.current());
    }

    private AttachedPlugin counting(String name, String glob, String mark, String result) {
        AttachedPlugin p = plugin(name);
        p.handle(glob, (s, t, a) -> {
            calls.add(mark);
            a.out().put("result", result);
        });
        return p;
    }

    private AttachedPlugin failing(String name) {
        AttachedPlugin p = plugin(name);
        p.handle("*", (s, t, a) -> {
            calls.add(name);
            throw new ShellException(name + " refuses");
        });
        return p;
    }
}
