package org.jobshell.core.container;

import java.io.PrintStream;
import java.lang.reflect.Proxy;
import org.jobshell.api.LogLevel;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellLog;
import org.jobshell.core.stack.AttachedPlugin;
import org.jobshell.core.stack.Failure;
import org.jobshell.core.stack.PluginOwner;

/**
 * The container as the owner of the plugins on its own stack: a plugin's view of it is a shell that
 * only offers {@code log()} (there is no job), and whatever goes wrong with a plugin is one line on the
 * container's log (the daemon log, or the one-shot run's stderr) naming the plugin.
 */
final class ContainerOwner implements PluginOwner {

    private final PrintStream log;

    /** @param log the container's log */
    ContainerOwner(PrintStream log) {
        this.log = log;
    }

    /** @param message one line for the container's log */
    void log(String message) {
        log.println("jobshell: " + message);
    }

    @Override
    public Shell viewFor(AttachedPlugin plugin) {
        ShellLog shellLog = new ShellLog() {
            @Override
            public void log(LogLevel level, String message) {
                ContainerOwner.this.log(level.name().toLowerCase() + ": " + plugin.name() + ": " + message);
            }

            @Override
            public boolean enabled(LogLevel level) {
                return level.compareTo(LogLevel.DEBUG) < 0;
            }
        };
        return (Shell) Proxy.newProxyInstance(Shell.class.getClassLoader(), new Class<?>[] {Shell.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "log":
                            return shellLog;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "the container's shell of plugin '" + plugin.name() + "'";
                        default:
                            throw new UnsupportedOperationException("shell." + method.getName()
                                    + ": not available at container level (no job); the topic's IN has the job");
                    }
                });
    }

    @Override
    public void dropped(AttachedPlugin plugin, String what) {
        log("warning: plugin '" + plugin.name() + "': " + plugin.origin().describe() + " went away; its container "
                + "callbacks are dropped (first: " + what + ")");
    }

    @Override
    public void slow(AttachedPlugin plugin, String what, long elapsedMillis) {
        log("warning: plugin '" + plugin.name() + "': " + what + " has been running for " + elapsedMillis + " ms");
    }

    @Override
    public void failed(Failure failure) {
        log("error: " + failure.describe());
    }

    @Override
    public void abandoned(AttachedPlugin plugin, String what, long elapsedMillis, Thread thread) {
        log("error: plugin '" + plugin.name() + "': " + what + " ignored the interrupt and is still running after "
                + elapsedMillis + " ms; its thread " + thread.getName() + " is given up");
    }
}
