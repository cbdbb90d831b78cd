package org.jobshell.core.stack;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.Args;
import org.jobshell.api.Handler;
import org.jobshell.api.ShellException;

/**
 * The dispatch loop of one shell: for each plugin in stack order, the first of its handlers whose
 * glob matches the topic is called. Dispatch never stops early; every failure is collected and the
 * caller applies the topic's error rule. Nothing is allocated per handler unless it fails.
 *
 * <p>The plugin and topic being called are published with plain (opaque) stores for the
 * {@link Watchdog}, which costs no clock read on the hot path.
 */
public final class Dispatcher {

    /** Told about plugins whose bundle went away while the job runs. */
    public interface DropListener {
        /**
         * Called once per plugin, at its first dropped callback.
         *
         * @param plugin the plugin
         * @param topic the topic whose callback was dropped
         */
        void dropped(AttachedPlugin plugin, String topic);
    }

    private static final VarHandle CURRENT;
    private static final VarHandle TOPIC;
    private static final VarHandle SEQUENCE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            CURRENT = l.findVarHandle(Dispatcher.class, "current", AttachedPlugin.class);
            TOPIC = l.findVarHandle(Dispatcher.class, "topic", String.class);
            SEQUENCE = l.findVarHandle(Dispatcher.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PluginStack stack;
    private final DropListener dropListener;
    @SuppressWarnings("unused") // accessed through CURRENT
    private AttachedPlugin current;
    @SuppressWarnings("unused") // accessed through TOPIC
    private String topic;
    @SuppressWarnings("unused") // accessed through SEQUENCE
    private long sequence;

    /**
     * @param stack the shell's stack
     * @param dropListener told about plugins whose bundle went away
     */
    public Dispatcher(PluginStack stack, DropListener dropListener) {
        this.stack = stack;
        this.dropListener = dropListener;
    }

    /** @return the stack this dispatcher calls */
    public PluginStack stack() {
        return stack;
    }

    /**
     * Calls a topic on every plugin.
     *
     * @param callTopic the topic
     * @param args the args shared by every plugin of the call
     * @return the failures, empty when every plugin succeeded
     * @throws Fatal when a plugin failed the job on purpose ({@code shell.die})
     */
    public List<Failure> call(String callTopic, Args args) {
        AttachedPlugin outerPlugin = (AttachedPlugin) CURRENT.getOpaque(this);
        String outerTopic = (String) TOPIC.getOpaque(this);
        List<Failure> failures = null;
        try {
            for (AttachedPlugin plugin : stack.snapshot()) {
                Handler handler = plugin.handlerFor(callTopic);
                if (handler == null) {
                    continue;
                }
                PluginSource source = plugin.source();
                if (source != null && source.removed()) {
                    if (plugin.firstDrop()) {
                        dropListener.dropped(plugin, callTopic);
                    }
                    continue;
                }
                TOPIC.setOpaque(this, callTopic);
                CURRENT.setOpaque(this, plugin);
                SEQUENCE.setOpaque(this, (long) SEQUENCE.getOpaque(this) + 1);
                try {
                    handler.handle(plugin.shell(), callTopic, args);
                } catch (Fatal f) {
                    throw f;
                } catch (Throwable t) {
                    if (failures == null) {
                        failures = new ArrayList<>(2);
                    }
                    failures.add(new Failure(plugin, callTopic, messageOf(t), t));
                }
            }
        } finally {
            TOPIC.setOpaque(this, outerTopic);
            CURRENT.setOpaque(this, outerPlugin);
            SEQUENCE.setOpaque(this, (long) SEQUENCE.getOpaque(this) + 1);
        }
        return failures == null ? List.of() : failures;
    }

    /** @return the plugin being called now, or null (for the watchdog) */
    AttachedPlugin currentPlugin() {
        return (AttachedPlugin) CURRENT.getOpaque(this);
    }

    /** @return the topic being called now (for the watchdog) */
    String currentTopic() {
        return (String) TOPIC.getOpaque(this);
    }

    /** @return a number that changes whenever a callback starts or a call ends (for the watchdog) */
    long sequence() {
        return (long) SEQUENCE.getOpaque(this);
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
