package org.jobshell.core.stack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jobshell.api.Handler;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.core.spi.PluginOrigin;

/**
 * One plugin attached to one shell: its name, where it comes from, its handlers in registration
 * order, and whether it may still be called. Handlers are a copy-on-write array, so dispatch reads
 * them without locking while the plugin adds handlers from inside a callback.
 */
public final class AttachedPlugin implements PluginContext {

    /** A handler and its compiled glob. */
    static final class Slot {
        final Glob glob;
        final Handler handler;

        Slot(Glob glob, Handler handler) {
            this.glob = glob;
            this.handler = handler;
        }
    }

    private static final Slot[] NO_SLOTS = new Slot[0];

    private final String name;
    private final PluginOrigin origin;
    private final boolean optional;
    private final ObjectNode conf;
    private final PluginOwner owner;
    private final Shell shell;
    private volatile Slot[] slots = NO_SLOTS;
    private final List<OptionSpec> options = new CopyOnWriteArrayList<>();
    private volatile boolean dropReported;
    private volatile boolean denied;

    /**
     * @param name the plugin's name on the stack
     * @param origin where it comes from, or null for the core's own
     * @param optional whether failures on fatal topics only warn
     * @param conf the plugin's configuration, or null for none
     * @param owner the shell it is attached to; makes the plugin's view of the shell
     */
    public AttachedPlugin(String name, PluginOrigin origin, boolean optional, ObjectNode conf, PluginOwner owner) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a plugin needs a name");
        }
        this.name = name;
        this.origin = origin;
        this.optional = optional;
        this.conf = conf == null ? JsonNodeFactory.instance.objectNode() : conf;
        this.owner = owner;
        this.shell = owner.viewFor(this);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shell shell() {
        return shell;
    }

    @Override
    public ObjectNode conf() {
        return conf;
    }

    /** @return where this plugin comes from, or null for the core's own */
    public PluginOrigin origin() {
        return origin;
    }

    /** @return whether failures on fatal topics only warn */
    public boolean optional() {
        return optional;
    }

    /** @return the shell it is attached to */
    public PluginOwner owner() {
        return owner;
    }

    @Override
    public synchronized PluginContext handle(String topicGlob, Handler handler) {
        if (handler == null) {
            throw new IllegalArgumentException("plugin '" + name + "': handler for '" + topicGlob + "' is null");
        }
        Slot[] now = slots;
        Slot[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = new Slot(Glob.compile(topicGlob), handler);
        slots = next;
        return this;
    }

    @Override
    public PluginContext declare(OptionSpec option) {
        options.add(Objects.requireNonNull(option, "option"));
        return this;
    }

    /** @return the options this plugin declared, in order */
    public List<OptionSpec> options() {
        return List.copyOf(options);
    }

    @Override
    public synchronized boolean unhandle(String topicGlob) {
        Slot[] now = slots;
        for (int i = 0; i < now.length; i++) {
            if (now[i].glob.pattern().equals(topicGlob)) {
                Slot[] next = new Slot[now.length - 1];
                System.arraycopy(now, 0, next, 0, i);
                System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                slots = next;
                return true;
            }
        }
        return false;
    }

    /**
     * @param topic a topic
     * @return the first handler whose glob matches, or null
     */
    Handler handlerFor(String topic) {
        for (Slot s : slots) {
            if (s.glob.matches(topic)) {
                return s.handler;
            }
        }
        return null;
    }

    /** @return the globs of the handlers, in registration order */
    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (Slot s : slots) {
            topics.add(s.glob.pattern());
        }
        return topics;
    }

    /**
     * @param what the callback about to be made
     * @return whether the plugin may be called: not deny-listed, and its origin still there (the first
     *     callback dropped because the origin went away is reported to the owner)
     */
    boolean callable(String what) {
        if (denied) {
            return false;
        }
        if (origin != null && origin.removed()) {
            if (!dropReported) {
                dropReported = true;
                owner.dropped(this, what);
            }
            return false;
        }
        return true;
    }

    /** Deny-lists the plugin for the rest of the job: it gets no more callbacks. */
    void deny() {
        denied = true;
    }

    /** @return whether the plugin is deny-listed */
    public boolean denied() {
        return denied;
    }

    @Override
    public String toString() {
        return "plugin '" + name + "' (" + (origin == null ? "core" : origin.describe()) + ")";
    }
}
