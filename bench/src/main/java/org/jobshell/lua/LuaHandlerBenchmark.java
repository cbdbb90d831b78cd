package org.jobshell.lua;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jobshell.api.Args;
import org.jobshell.api.Handler;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellPlugin;
import org.jobshell.core.spi.JobStack;
import org.jobshell.core.spi.PluginOrigin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One call of a Lua plugin's handler, as dispatch makes it ({@code Handler.handle}), beside a Java
 * handler doing the same: nothing ({@code luaEmpty} vs {@code javaEmpty}), and reading the job
 * environment ({@code luaGetenv} vs {@code javaGetenv}, {@code shell.getenv('HOME')}). In package
 * {@code org.jobshell.lua} to reach the bundle's handlers the way its plugins register them: an
 * initrc registers the plugins, exactly as in a job.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LuaHandlerBenchmark {

    private final List<Handler> lua = new ArrayList<>();
    private Shell shell;
    private final Args args = new Args();
    private final Handler javaEmpty = (s, t, a) -> { };
    private final Handler javaGetenv = (s, t, a) -> {
        if (s.environment().get("HOME") == null) {
            throw new IllegalStateException("no HOME");
        }
    };

    /** Runs an initrc that registers the two Lua plugins. @throws IOException when it cannot write it */
    @Setup
    public void setUp() throws IOException {
        Path rc = Files.createTempFile("bench-initrc", ".lua");
        Files.writeString(rc, "plugin.register { name = 'empty', handlers = { { topic = 'task.init', fn = function() end } } }\n"
                + "plugin.register { name = 'getenv', handlers = { { topic = 'task.init', fn = function()\n"
                + "  if shell.getenv('HOME') == nil then error('no HOME') end end } } }\n");
        Stack stack = new Stack();
        shell = stack.shell();
        new LuaSource(new LuaSettings(rc, null)).contribute(stack);
        Files.delete(rc);
    }

    /** @throws Exception never: an empty Lua handler */
    @Benchmark
    public void luaEmpty() throws Exception {
        lua.get(0).handle(shell, "task.init", args);
    }

    /** @throws Exception never: an empty Java handler */
    @Benchmark
    public void javaEmpty() throws Exception {
        javaEmpty.handle(shell, "task.init", args);
    }

    /** @throws Exception never: a Lua handler reading the job environment */
    @Benchmark
    public void luaGetenv() throws Exception {
        lua.get(1).handle(shell, "task.init", args);
    }

    /** @throws Exception never: a Java handler reading the job environment */
    @Benchmark
    public void javaGetenv() throws Exception {
        javaGetenv.handle(shell, "task.init", args);
    }

    /** A stack that keeps the handlers the Lua plugins register. */
    private final class Stack implements JobStack {
        private final ListingShell.MemoryEnvironment env = new ListingShell.MemoryEnvironment(Map.of("HOME", "/home/u"));
        private final Shell view = (Shell) Proxy.newProxyInstance(Shell.class.getClassLoader(),
                new Class<?>[] {Shell.class}, (proxy, method, a) -> {
                    switch (method.getName()) {
                        case "environment":
                            return env;
                        case "options":
                            return new ListingShell.MemoryOptions();
                        case "log":
                            return ListingShell.create(List::of).log();
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });

        @Override
        public Shell shell() {
            return view;
        }

        @Override
        public boolean push(String name, ShellPlugin plugin, PluginOrigin origin, boolean optional, ObjectNode conf) {
            try {
                plugin.attach(new RecordingContext(name, view, conf, (glob, handler) -> lua.add(handler)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return true;
        }

        @Override
        public List<String> names() {
            return List.of();
        }
    }
}
