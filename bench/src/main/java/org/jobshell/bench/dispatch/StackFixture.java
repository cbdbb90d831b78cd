package org.jobshell.bench.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.Args;
import org.jobshell.api.Handler;
import org.jobshell.api.Shell;
import org.jobshell.core.stack.AttachedPlugin;
import org.jobshell.core.stack.Dispatcher;
import org.jobshell.core.stack.Failure;
import org.jobshell.core.stack.PluginCalls;
import org.jobshell.core.stack.PluginEntry;
import org.jobshell.core.stack.PluginOwner;
import org.jobshell.core.stack.PluginStack;
import org.jobshell.core.stack.Watchdog;

/**
 * A stack of {@value #PLUGINS} plugins with 1 to 3 handlers each, built the way the core builds a
 * job's stack (an {@link AttachedPlugin} per {@link PluginEntry}, pushed in order).
 *
 * <p>Every plugin handles {@link #ALL} through its last handler, with a glob of one kind in
 * rotation: literal {@code task.exit}, prefix {@code task.*} or bracket {@code task.[ef]xit}; with
 * {@code catchAll}, plugins 13 and 27 use {@code *} instead (a tracing plugin would). Handlers that
 * come first and miss: {@code shell.init}, {@code task.init}, {@code shell.exit}. Plugins 4, 14 and
 * 24 also handle {@link #FEW}. Nothing but a {@code *} handles {@link #NONE}.
 */
public final class StackFixture {

    /** Plugins on the stack. */
    public static final int PLUGINS = 30;
    /** A topic every plugin handles. */
    public static final String ALL = "task.exit";
    /** A topic 3 plugins handle (5 with catch-alls). */
    public static final String FEW = "shell.post-init";
    /** A topic no plugin handles (2 do with catch-alls). */
    public static final String NONE = "mustache.render.label";

    /** Samples calls as the core's does, with its default limits, which no benchmark handler reaches. */
    private static final Watchdog WATCHDOG = new Watchdog(100, 10_000, 300_000);

    private final Hits hits = new Hits();
    private final PluginStack stack = new PluginStack();
    private final Dispatcher dispatcher;
    private final Handler[] allHandlers = new Handler[PLUGINS];
    private final Shell shell = ShellStub.create();

    private StackFixture(boolean catchAll) {
        for (int i = 0; i < PLUGINS; i++) {
            String name = "plugin-" + i;
            PluginEntry entry = new PluginEntry(name, 10 * i, i, false, "org.example." + name, "1.0.0", ctx -> {
            }, null);
            AttachedPlugin plugin = new AttachedPlugin(name, entry, false, null, new FixtureOwner(shell));
            int kind = i;
            for (String glob : missesFirst(i)) {
                plugin.handle(glob, Handlers.of(++kind, hits));
            }
            allHandlers[i] = Handlers.of(i, hits);
            plugin.handle(globForAll(i, catchAll), allHandlers[i]);
            stack.push(plugin);
        }
        dispatcher = new Dispatcher(stack, new PluginCalls(WATCHDOG));
    }

    /** The fixture's plugins never go away, fail off the dispatch path or run long. */
    private record FixtureOwner(Shell shell) implements PluginOwner {
        @Override
        public Shell viewFor(AttachedPlugin plugin) {
            return shell;
        }

        @Override
        public void dropped(AttachedPlugin plugin, String what) {
            throw new AssertionError("no plugin of the fixture goes away");
        }

        @Override
        public void slow(AttachedPlugin plugin, String what, long elapsedMillis) {
            throw new AssertionError("no benchmark handler is slow");
        }

        @Override
        public void failed(Failure failure) {
            throw new AssertionError(failure.describe());
        }

        @Override
        public void abandoned(AttachedPlugin plugin, String what, long elapsedMillis, Thread thread) {
            throw new AssertionError("no benchmark handler is stuck");
        }
    }

    /**
     * @param catchAll whether two plugins handle {@code *}
     * @return a new stack
     */
    public static StackFixture build(boolean catchAll) {
        return new StackFixture(catchAll);
    }

    private static List<String> missesFirst(int i) {
        List<String> globs = new ArrayList<>(2);
        if (i % 10 == 4) {
            globs.add(FEW);
            globs.add("shell.init");
            return globs;
        }
        switch ((i / 3) % 3) {
            case 1:
                globs.add("shell.init");
                break;
            case 2:
                globs.add("task.init");
                globs.add("shell.exit");
                break;
            default:
                break;
        }
        return globs;
    }

    private static String globForAll(int i, boolean catchAll) {
        if (catchAll && (i == 13 || i == 27)) {
            return "*";
        }
        switch (i % 3) {
            case 0: return "task.exit";
            case 1: return "task.*";
            default: return "task.[ef]xit";
        }
    }

    /** @return the dispatcher of the stack */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** @return the stack */
    public PluginStack stack() {
        return stack;
    }

    /** @return the handlers that {@link #ALL} reaches, one per plugin, for the floor loop */
    public Handler[] allHandlers() {
        return allHandlers.clone();
    }

    /** @return the shell every plugin sees */
    public Shell shell() {
        return shell;
    }

    /** @return the handlers' counter */
    public Hits hits() {
        return hits;
    }

    /**
     * @param topic a topic
     * @return how many handlers one dispatch of it calls
     */
    public long handlersCalled(String topic) {
        long before = hits.count;
        if (!dispatcher.call(topic, new Args()).isEmpty()) {
            throw new IllegalStateException("a benchmark handler failed on " + topic);
        }
        return hits.count - before;
    }
}
