package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jobshell.api.ServiceMethod;

/**
 * What plugins of one shell offer to the rest of the job: service methods, called on the shell's
 * thread from its main loop, and keys added to the events the shell posts.
 */
final class ShellServices {

    private final int rank;
    private final ShellLoop loop;
    private final Map<String, ServiceMethod> methods = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> eventContexts = new LinkedHashMap<>();

    ShellServices(int rank, ShellLoop loop) {
        this.rank = rank;
        this.loop = loop;
    }

    void register(String method, ServiceMethod handler) {
        methods.put(method, handler);
    }

    /** Serves a request on the shell's thread; fails once the shell's main loop has ended. */
    CompletableFuture<JsonNode> serve(String method, JsonNode request) {
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        ServiceMethod m = methods.get(method);
        if (m == null || loop.ended()) {
            response.completeExceptionally(new IllegalStateException(
                    "shell " + rank + ": " + method + ": " + (m == null ? "no such method" : "the shell has ended")));
            return response;
        }
        loop.execute(() -> {
            try {
                response.complete(m.call(request));
            } catch (Throwable t) {
                response.completeExceptionally(t);
            }
        });
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
