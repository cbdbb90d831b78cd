package org.jobshell.core.stack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jobshell.api.Handler;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;

/**
 * One plugin attached to one shell: its name, where it comes from, and its handlers in registration
 * order. Handlers are a copy-on-write array, so dispatch reads them without locking while the
 * plugin adds handlers from inside a callback.
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
    private final PluginSource source;
    private final boolean optional;
    private final Shell shell;
    private final ObjectNode conf;
    private volatile Slot[] slots = NO_SLOTS;
    private volatile boolean dropReported;

    /**
     * @param name the plugin's name on the stack
     * @param source where it comes from
     * @param optional whether failures on fatal topics only warn
     * @param shell the shell as this plugin sees it
     * @param conf the plugin's configuration, or null for none
     */
    public AttachedPlugin(String name, PluginSource source, boolean optional, Shell shell, ObjectNode conf) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a plugin needs a name");
        }
        this.name = name;
        this.source = source;
        this.optional = optional;
        this.shell = shell;
        this.conf = conf == null ? JsonNodeFactory.instance.objectNode() : conf;
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

    /** @return where this plugin comes from */
    public PluginSource source() {
        return source;
    }

    /** @return whether failures on fatal topics only warn */
    public boolean optional() {
        return optional;
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

    /** @return true the first time it is called once the source is gone, so that it is reported once */
    boolean firstDrop() {
        if (dropReported) {
            return false;
        }
        dropReported = true;
        return true;
    }

    @Override
    public String toString() {
        return "plugin '" + name + "' (" + (source == null ? "builtin" : source.describe()) + ")";
    }
}
