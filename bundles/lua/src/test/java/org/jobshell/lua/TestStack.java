package org.jobshell.lua;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jobshell.api.Args;
import org.jobshell.api.Handler;
import org.jobshell.api.LogLevel;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellInfo;
import org.jobshell.api.ShellLog;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Task;
import org.jobshell.core.spi.JobStack;
import org.jobshell.core.spi.PluginOrigin;

/**
 * A plugin stack without the core, for the Lua bundle's own tests: plugins are attached and kept in
 * push order (a name pushed again replaces the earlier one), {@link #call} runs each plugin's first
 * matching handler, the shell's log is recorded, and {@code die} throws {@link Died}.
 */
final class TestStack implements JobStack {

    /** What {@code shell.die} throws here. */
    static final class Died extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Died(String message) {
            super(message);
        }
    }

    /** One attached plugin. */
    record Attached(String name, PluginOrigin origin, ObjectNode conf, List<String> globs, List<Handler> handlers) {
    }

    final List<Attached> plugins = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final ListingShell.MemoryOptions options = new ListingShell.MemoryOptions();
    final ListingShell.MemoryEnvironment environment;
    Task currentTask;
    private final Shell shell;

    TestStack(Path cwd, Map<String, String> env) {
        this.environment = new ListingShell.MemoryEnvironment(env);
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        ShellInfo info = new ListingShell.Info(7, "f8", 0, 1, 1, empty, empty, null, cwd);
        ShellLog shellLog = new ShellLog() {
            @Override
            public void log(LogLevel level, String message) {
                log.add(level.token().trim() + (level.token().isBlank() ? "" : ": ") + message);
            }

            @Override
            public boolean enabled(LogLevel level) {
                return true;
            }
        };
        this.shell = (Shell) Proxy.newProxyInstance(Shell.class.getClassLoader(), new Class<?>[] {Shell.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "info":
                            return info;
                        case "options":
                            return options;
                        case "environment":
                            return environment;
                        case "log":
                            return shellLog;
                        case "currentTask":
                            return currentTask;
                        case "die":
                            throw new Died((String) args[1]);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Override
    public Shell shell() {
        return shell;
    }

    @Override
    public boolean push(String name, ShellPlugin plugin, PluginOrigin origin, boolean optional, ObjectNode conf) {
        Attached a = new Attached(name, origin, conf, new ArrayList<>(), new ArrayList<>());
        try {
            plugin.attach(new RecordingContext(name, shell, conf, (glob, handler) -> {
                a.globs().add(glob);
                a.handlers().add(handler);
            }));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        plugins.removeIf(p -> p.name().equals(name));
        plugins.add(a);
        return true;
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        plugins.forEach(p -> names.add(p.name()));
        return names;
    }

    /**
     * Calls a topic as the core would: each plugin's first matching handler.
     *
     * @return the failures' messages
     */
    List<String> call(String topic, Args args) {
        List<String> failures = new ArrayList<>();
        for (Attached p : List.copyOf(plugins)) {
            for (int i = 0; i < p.globs().size(); i++) {
                if (Pattern.matches(p.globs().get(i).replace(".", "\\.").replace("*", ".*").replace("?", "."), topic)) {
                    try {
                        p.handlers().get(i).handle(shell, topic, args);
                    } catch (Exception e) {
                        failures.add(p.name() + ": " + e.getMessage());
                    }
                    break;
                }
            }
        }
        return failures;
    }
}
