package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jobshell.api.ServiceMethod;
import org.jobshell.api.ShellException;
import org.jobshell.core.stack.AttachedPlugin;
import org.jobshell.core.stack.Failure;
import org.jobshell.core.stack.Fatal;
import org.jobshell.core.stack.PluginCalls;

/**
 * What plugins of one shell offer to the rest of the job: service methods, called on the shell's
 * thread from its main loop through the same guard as topic handlers, and keys added to the events
 * the shell posts.
 */
final class ShellServices {

    private record Method(AttachedPlugin plugin, ServiceMethod handler) {
    }

    private final int rank;
    private final ShellLoop loop;
    private final PluginCalls calls;
    private final Map<String, Method> methods = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> eventContexts = new LinkedHashMap<>();

    ShellServices(int rank, ShellLoop loop, PluginCalls calls) {
        this.rank = rank;
        this.loop = loop;
        this.calls = calls;
    }

    void register(String method, AttachedPlugin plugin, ServiceMethod handler) {
        methods.put(method, new Method(plugin, handler));
    }

    /** Serves a request on the shell's thread; fails once the shell's main loop has ended. */
    CompletableFuture<JsonNode> serve(String name, JsonNode request) {
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        Method m = methods.get(name);
        String what = "service " + name;
        if (m == null) {
            return failed(response, name + ": no such method");
        }
        boolean queued = loop.execute(() -> {
            if (m.plugin().denied()) {
                failed(response, name + ": plugin '" + m.plugin().name() + "' is deny-listed");
                return;
            }
            Failure f;
            try {
                f = calls.attempt(m.plugin(), what, () -> response.complete(m.handler().call(request)));
            } catch (Fatal e) {
                failed(response, name + ": the job failed: " + e.getMessage());
                throw e;
            }
            if (f != null) {
                if (f.overran()) {
                    m.plugin().owner().failed(f);
                }
                failed(response, name + ": " + f.message());
            } else if (!response.isDone()) {
                failed(response, name + ": plugin '" + m.plugin().name() + "' is gone");
            }
        });
        return queued ? response : failed(response, name + ": the shell has ended");
    }

    private CompletableFuture<JsonNode> failed(CompletableFuture<JsonNode> response, String message) {
        response.completeExceptionally(new ShellException("shell " + rank + ": " + message));
        return response;
    }

    synchronized void addEventContext(String event, String key, JsonNode value) {
        eventContexts.computeIfAbsent(event, e -> JsonNodeFactory.instance.objectNode()).set(key, value);
    }

    /** @return {@code base} with the keys plugins added for {@code event} (theirs win) */
    synchronized ObjectNode withEventContext(String event, ObjectNode base) {
        ObjectNode extra = eventContexts.get(event);
        if (extra != null) {
            base.setAll(extra);
        }
        return base;
    }
}
