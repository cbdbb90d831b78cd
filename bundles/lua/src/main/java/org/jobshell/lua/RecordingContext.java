package org.jobshell.lua;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiConsumer;
import org.jobshell.api.Handler;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;

/**
 * A plugin context that only hands each registered handler to a consumer: how plugins are attached
 * to the listing's stack (which keeps their topics) and to stacks outside the core.
 */
final class RecordingContext implements PluginContext {

    private final String name;
    private final Shell shell;
    private final ObjectNode conf;
    private final BiConsumer<String, Handler> handlers;

    /**
     * @param name the plugin's name
     * @param shell the shell it sees
     * @param conf its conf, or null for an empty one
     * @param handlers gets each {@code (glob, handler)} registered
     */
    RecordingContext(String name, Shell shell, ObjectNode conf, BiConsumer<String, Handler> handlers) {
        this.name = name;
        this.shell = shell;
        this.conf = conf == null ? JsonNodeFactory.instance.objectNode() : conf;
        this.handlers = handlers;
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

    @Override
    public PluginContext handle(String topicGlob, Handler handler) {
        handlers.accept(topicGlob, handler);
        return this;
    }

    @Override
    public boolean unhandle(String topicGlob) {
        return false;
    }
}
