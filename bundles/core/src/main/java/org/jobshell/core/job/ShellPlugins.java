package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jobshell.api.LogLevel;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellPlugin;
import org.jobshell.core.spi.JobStack;
import org.jobshell.core.spi.PluginOrigin;
import org.jobshell.core.stack.AttachedPlugin;
import org.jobshell.core.stack.Failure;
import org.jobshell.core.stack.PluginEntry;
import org.jobshell.core.stack.PluginOwner;
import org.jobshell.core.stack.PluginSelection;
import org.jobshell.core.stack.PluginSnapshot;
import org.jobshell.core.stack.Ranked;
import org.jobshell.core.stack.SourceEntry;

/**
 * The plugins of one shell: attaches them in load order (plugin services, and what plugin sources
 * push at their place), makes each one's view of the shell, and hears what goes wrong with them
 * outside a topic call's result (gone, slow, failed off the dispatch path, abandoned).
 */
final class ShellPlugins implements PluginOwner, JobStack {

    private final ShellScope scope;
    private final int rank;
    private volatile boolean ready;
    private AttachedPlugin contributing;
    private PluginSelection selection = PluginSelection.ALL;
    private Set<String> disabled = Set.of();
    private final Set<String> offered = new HashSet<>();

    ShellPlugins(ShellScope scope, int rank) {
        this.scope = scope;
        this.rank = rank;
    }

    /**
     * Attaches the snapshot's plugins, in load order.
     *
     * @throws org.jobshell.core.stack.Fatal when a required plugin cannot attach or a source fails
     */
    void attachAll(PluginSnapshot snapshot) {
        try {
            selection = PluginSelection.of(scope.options().get(PluginSelection.OPTION));
        } catch (ShellException x) {
            throw scope.failure().fail(1, "option " + PluginSelection.OPTION + ": " + x.getMessage());
        }
        disabled = snapshot.disabled();
        for (Ranked step : snapshot.order()) {
            if (step instanceof PluginEntry) {
                PluginEntry e = (PluginEntry) step;
                try {
                    push(e.name(), e.plugin(), e, e.optional(), e.conf());
                } catch (ShellException x) {
                    throw scope.failure().fail(1, x.getMessage());
                }
            } else {
                contribute((SourceEntry) step);
            }
        }
        List<String> unknown = selection.unknown(offered);
        if (!unknown.isEmpty()) {
            scope.logger().log(null, LogLevel.WARN, "option " + PluginSelection.OPTION + ": no plugin "
                    + String.join(", ", unknown) + " on the stack");
        }
        ready = true;
    }

    /** @return whether every plugin is attached (from then on, {@code shell.log} is offered) */
    boolean ready() {
        return ready;
    }

    private void contribute(SourceEntry source) {
        contributing = new AttachedPlugin(source.name(), null, false, null, this);
        try {
            Failure f = scope.calls().attempt(contributing, "contribute", () -> source.source().contribute(this));
            if (f != null) {
                throw scope.failure().fail(1, source.describe() + ": " + f.message());
            }
        } finally {
            contributing = null;
        }
    }

    @Override
    public Shell shell() {
        if (contributing == null) {
            throw new IllegalStateException("the stack is only open to a plugin source while it contributes");
        }
        return contributing.shell();
    }

    @Override
    public boolean push(String name, ShellPlugin plugin, PluginOrigin origin, boolean optional, ObjectNode conf) {
        offered.add(name);
        if (disabled.contains(name) || !selection.admits(name)) {
            return false;
        }
        AttachedPlugin p = new AttachedPlugin(name, origin, optional, conf, this);
        Failure f = scope.calls().attempt(p, "attach", () -> plugin.attach(p));
        if (f != null) {
            String msg = "plugin '" + name + "': attach failed: " + f.message()
                    + (origin == null ? "" : " (" + origin.describe() + ")");
            if (!optional) {
                throw new ShellException(msg);
            }
            scope.logger().log(null, LogLevel.WARN, msg + "; optional plugin skipped");
            return false;
        }
        scope.stack().push(p);
        return true;
    }

    @Override
    public List<String> names() {
        return scope.stack().names();
    }

    @Override
    public Shell viewFor(AttachedPlugin plugin) {
        return new ShellView(scope, plugin);
    }

    @Override
    public void dropped(AttachedPlugin plugin, String what) {
        String from = plugin.origin() == null ? "its origin" : plugin.origin().describe();
        scope.logger().log(null, LogLevel.WARN, "plugin '" + plugin.name() + "': " + from
                + " went away during the job; its remaining callbacks are dropped (first: " + what + ")");
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        ctx.put("plugin", plugin.name());
        ctx.put("source", from);
        ctx.put("shell_rank", rank);
        ExecEvents.post(scope.exchange(), "plugin-dropped", ctx);
    }

    @Override
    public void slow(AttachedPlugin plugin, String what, long elapsedMillis) {
        scope.logger().log(null, LogLevel.WARN, "plugin '" + plugin.name() + "': " + what + " has been running for "
                + elapsedMillis + " ms" + origin(plugin));
    }

    @Override
    public void failed(Failure failure) {
        scope.logger().log(null, LogLevel.ERROR, failure.describe());
    }

    @Override
    public void abandoned(AttachedPlugin plugin, String what, long elapsedMillis, Thread thread) {
        scope.failure().fail(1, "plugin '" + plugin.name() + "': " + what + " ignored the interrupt and is still "
                + "running after " + elapsedMillis + " ms" + origin(plugin) + "; its thread is given up");
        scope.abandon(thread);
    }

    private static String origin(AttachedPlugin plugin) {
        return plugin.origin() == null ? "" : " (" + plugin.origin().describe() + ")";
    }
}
