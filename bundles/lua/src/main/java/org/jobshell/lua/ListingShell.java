package org.jobshell.lua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jobshell.api.Environment;
import org.jobshell.api.LogLevel;
import org.jobshell.api.Options;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellInfo;
import org.jobshell.api.ShellLog;

/**
 * The shell the rc files see while their plugins are only being listed: a job of one task with no
 * options, the container's environment as the job environment (a job's is its submitter's), a log
 * that goes nowhere; everything that needs a job refuses.
 */
final class ListingShell {

    /**
     * What {@code shell.info} says while listing.
     *
     * @param jobId 0
     * @param jobIdString {@code f1}
     * @param rank 0
     * @param size 1
     * @param totalTasks 1
     * @param jobspec empty
     * @param resources empty
     * @param jobDirectory none
     * @param cwd the container's working directory
     */
    record Info(long jobId, String jobIdString, int rank, int size, int totalTasks, JsonNode jobspec,
            JsonNode resources, Path jobDirectory, Path cwd) implements ShellInfo {
    }

    private ListingShell() {
    }

    /**
     * @param plugins the names pushed so far
     * @return the shell
     */
    static Shell create(Supplier<List<String>> plugins) {
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        Info info = new Info(0, "f1", 0, 1, 1, empty, empty, null, Path.of(System.getProperty("user.dir")));
        Options options = new MemoryOptions();
        Environment env = new MemoryEnvironment(System.getenv());
        ShellLog log = new ShellLog() {
            @Override
            public void log(LogLevel level, String message) {
            }

            @Override
            public boolean enabled(LogLevel level) {
                return false;
            }
        };
        return (Shell) Proxy.newProxyInstance(Shell.class.getClassLoader(), new Class<?>[] {Shell.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "info":
                            return info;
                        case "options":
                            return options;
                        case "environment":
                            return env;
                        case "log":
                            return log;
                        case "tasks":
                        case "plugins":
                            return method.getName().equals("tasks") ? List.of() : plugins.get();
                        case "currentTask":
                            return null;
                        case "die":
                            throw new ShellException((String) args[1]);
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "listing shell";
                        default:
                            throw new UnsupportedOperationException("shell." + method.getName()
                                    + ": no job, the plugins are only being listed");
                    }
                });
    }

    /** Options in memory. */
    static final class MemoryOptions implements Options {
        private final ObjectNode options = JsonNodeFactory.instance.objectNode();

        @Override
        public JsonNode get(String name) {
            return options.get(name);
        }

        @Override
        public String getString(String name, String defaultValue) {
            JsonNode v = get(name);
            return v == null ? defaultValue : v.asText();
        }

        @Override
        public int getInt(String name, int defaultValue) {
            JsonNode v = get(name);
            return v == null ? defaultValue : v.asInt();
        }

        @Override
        public void set(String name, JsonNode value) {
            if (value == null) {
                options.remove(name);
            } else {
                options.set(name, value);
            }
        }

        @Override
        public ObjectNode toJson() {
            return options.deepCopy();
        }
    }

    /** An environment in memory. */
    static final class MemoryEnvironment implements Environment {
        private final SortedMap<String, String> vars;

        MemoryEnvironment(Map<String, String> initial) {
            vars = new TreeMap<>(initial);
        }

        @Override
        public String get(String name) {
            return vars.get(name);
        }

        @Override
        public void set(String name, String value, boolean overwrite) {
            if (overwrite || !vars.containsKey(name)) {
                vars.put(name, value);
            }
        }

        @Override
        public boolean unset(String name) {
            return vars.remove(name) != null;
        }

        @Override
        public SortedMap<String, String> toMap() {
            return new TreeMap<>(vars);
        }
    }
}
