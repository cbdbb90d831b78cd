package org.jobshell.core.stack;

import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.Args;
import org.jobshell.api.Handler;
import org.jobshell.api.ShellException;

/**
 * The dispatch loop of one shell: for each plugin in stack order, the first of its handlers whose
 * glob matches the topic is called (through {@link PluginCalls}: deny-listed plugins and plugins
 * whose origin went away are skipped, every call is timed). A failure never stops dispatch: every
 * failure is collected and the caller applies the topic's error rule. Only {@link Fatal} ends a
 * dispatch early: the job is over. Nothing is allocated per handler unless it fails.
 */
public final class Dispatcher {

    private final PluginStack stack;
    private final PluginCalls calls;

    /**
     * @param stack the shell's stack
     * @param calls how plugin code is called
     */
    public Dispatcher(PluginStack stack, PluginCalls calls) {
        this.stack = stack;
        this.calls = calls;
    }

    /** @return the stack this dispatcher calls */
    public PluginStack stack() {
        return stack;
    }

    /**
     * Calls a topic on every plugin.
     *
     * @param topic the topic
     * @param args the args shared by every plugin of the call
     * @return the failures, empty when every plugin succeeded
     * @throws Fatal when a plugin ended the job ({@code shell.die})
     */
    public List<Failure> call(String topic, Args args) {
        return call(topic, args, null);
    }

    /** Decides, after each plugin's handler returned, whether the plugins after it are called. */
    @FunctionalInterface
    public interface Stop {
        /**
         * @param plugin the plugin just called
         * @param args the call's args
         * @return true to call no more plugins (a veto)
         */
        boolean after(AttachedPlugin plugin, Args args);
    }

    /**
     * Calls a topic on every plugin, until {@code stop} says so.
     *
     * @param topic the topic
     * @param args the args shared by every plugin of the call
     * @param stop asked after each plugin's call (also a failed one), or null to call every plugin
     * @return the failures, empty when every plugin called succeeded
     * @throws Fatal when a plugin ended the job ({@code shell.die})
     */
    public List<Failure> call(String topic, Args args, Stop stop) {
        CallSite site = calls.site();
        List<Failure> failures = null;
        for (AttachedPlugin plugin : stack.snapshot()) {
            Handler handler = plugin.handlerFor(topic);
            if (handler == null) {
                continue;
            }
            Failure f = calls.call(site, plugin, topic, handler, args);
            if (f != null) {
                if (failures == null) {
                    failures = new ArrayList<>(2);
                }
                failures.add(f);
            }
            if (stop != null && stop.after(plugin, args)) {
                break;
            }
        }
        return failures == null ? List.of() : failures;
    }

    /**
     * @param t a throwable from a plugin
     * @return the message users see: a {@link ShellException}'s message as is, otherwise the
     *     exception's class and message
     */
    public static String messageOf(Throwable t) {
        if (t instanceof ShellException && t.getMessage() != null) {
            return t.getMessage();
        }
        String m = t.getMessage();
        String type = t.getClass().getSimpleName();
        return m == null || m.isBlank() ? type : type + ": " + m;
    }
}
