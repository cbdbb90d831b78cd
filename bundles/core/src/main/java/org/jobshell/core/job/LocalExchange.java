package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jobshell.api.ShellException;
import org.jobshell.core.spi.LeaderMessage;
import org.jobshell.core.spi.ShellExchange;

/**
 * The shell exchange of a job whose shells all run in this container. It does what a network
 * implementation does, without the network: every payload is serialized and read back on the other
 * side (so no shell holds another's objects, and a payload that does not serialize fails here too),
 * errors cross as messages, and the job exception is recorded by the leader first and then fanned out
 * to every shell. Delivery is synchronous, on the sender's thread.
 */
final class LocalExchange {

    private final int size;
    private final ObjectMapper mapper;
    private final ShellExchange.Endpoint[] endpoints;
    private final Map<String, Integer> arrivals = new HashMap<>();
    private boolean aborted;

    /**
     * @param size the number of shells
     * @param mapper serializes payloads
     */
    LocalExchange(int size, ObjectMapper mapper) {
        this.size = size;
        this.mapper = mapper;
        this.endpoints = new ShellExchange.Endpoint[size];
    }

    /**
     * @param rank a shell
     * @param endpoint what it receives on
     */
    void bind(int rank, ShellExchange.Endpoint endpoint) {
        endpoints[rank] = endpoint;
    }

    /**
     * @param rank a shell
     * @return the exchange as that shell sees it
     */
    ShellExchange forShell(int rank) {
        return new View(rank);
    }

    /** @param signal a signal for every task of the job (from outside the shells: the job's owner) */
    void kill(int signal) {
        for (ShellExchange.Endpoint e : endpoints) {
            e.kill(signal);
        }
    }

    /** @param signal the job is cancelled (from outside the shells: the job's owner) */
    void cancel(int signal) {
        for (ShellExchange.Endpoint e : endpoints) {
            e.cancelled(signal);
        }
    }

    private synchronized boolean barrier(String name) throws InterruptedException {
        int n = arrivals.merge(name, 1, Integer::sum);
        if (n == size) {
            notifyAll();
        }
        while (!aborted && arrivals.get(name) < size) {
            wait();
        }
        return !aborted;
    }

    private void abort(int rank, int code, String message) {
        synchronized (this) {
            if (aborted) {
                return;
            }
            aborted = true;
            notifyAll();
        }
        endpoints[0].exception(rank, code, message);
        for (ShellExchange.Endpoint e : endpoints) {
            e.aborted(code, message);
        }
    }

    private CompletionStage<JsonNode> rpc(int from, int to, String method, JsonNode request) {
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        if (to < 0 || to >= size) {
            response.completeExceptionally(new ShellException(
                    "shell " + from + ": " + method + ": no shell rank " + to + " in a job of " + size));
            return response;
        }
        JsonNode sent;
        try {
            sent = copy(request);
        } catch (IOException e) {
            response.completeExceptionally(new ShellException(method + ": the request does not serialize: " + e));
            return response;
        }
        endpoints[to].serve(method, sent).whenComplete((reply, error) -> {
            if (error != null) {
                response.completeExceptionally(new ShellException(messageOf(error)));
                return;
            }
            try {
                response.complete(copy(reply));
            } catch (IOException e) {
                response.completeExceptionally(new ShellException(method + ": the response does not serialize: " + e));
            }
        });
        return response;
    }

    private void toLeader(int from, LeaderMessage kind, ObjectNode body) {
        ObjectNode sent;
        try {
            sent = (ObjectNode) copy(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(kind + " for the leader does not serialize: " + e, e);
        }
        endpoints[0].fromShell(from, kind, sent);
    }

    private JsonNode copy(JsonNode node) throws IOException {
        return node == null ? null : mapper.readTree(mapper.writeValueAsBytes(node));
    }

    private static String messageOf(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** One shell's side. */
    private final class View implements ShellExchange {
        private final int rank;

        View(int rank) {
            this.rank = rank;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean barrier(String name) throws InterruptedException {
            return LocalExchange.this.barrier(name);
        }

        @Override
        public CompletionStage<JsonNode> rpc(int shellRank, String method, JsonNode request) {
            return LocalExchange.this.rpc(rank, shellRank, method, request);
        }

        @Override
        public void toLeader(LeaderMessage kind, ObjectNode body) {
            LocalExchange.this.toLeader(rank, kind, body);
        }

        @Override
        public void abort(int code, String message) {
            LocalExchange.this.abort(rank, code, message);
        }

        @Override
        public void kill(int signal) {
            LocalExchange.this.kill(signal);
        }

        @Override
        public void cancel(int signal) {
            LocalExchange.this.cancel(signal);
        }
    }
}
