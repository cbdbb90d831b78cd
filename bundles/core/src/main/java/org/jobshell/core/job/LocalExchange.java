package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jobshell.core.stack.Fatal;

/**
 * Everything the shells of one job exchange, for shells in the same container: barriers, service
 * calls between shells, and the leader learning that every shell finished. Shells on separate
 * nodes will implement the same operations over PMI and a messaging library.
 */
final class LocalExchange {

    private final List<ShellRun> shells;
    private final Map<String, Integer> arrivals = new HashMap<>();
    private final BitSet finished = new BitSet();
    private boolean aborted;

    LocalExchange(List<ShellRun> shells) {
        this.shells = shells;
    }

    /**
     * Waits until every shell reached the barrier.
     *
     * @param name the barrier
     * @param rank the arriving shell
     * @throws Fatal when the job failed while waiting
     */
    synchronized void barrier(String name, int rank) {
        if (shells.size() == 1) {
            return;
        }
        int n = arrivals.merge(name, 1, Integer::sum);
        if (n == shells.size()) {
            notifyAll();
        }
        while (!aborted && arrivals.get(name) < shells.size()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Fatal("shell " + rank + " interrupted in the " + name + " barrier");
            }
        }
        if (aborted) {
            throw new Fatal("job failed while shell " + rank + " waited in the " + name + " barrier");
        }
    }

    /** Releases every waiting shell: the job failed. */
    synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    /**
     * @param rank a shell that finished its tasks (reached shell.finish); the leader hears once all
     *     have
     */
    void shellFinished(int rank) {
        boolean all;
        synchronized (this) {
            finished.set(rank);
            all = finished.cardinality() == shells.size();
        }
        if (all) {
            shells.get(0).tasksComplete();
        }
    }

    /**
     * Calls a service method of a shell.
     *
     * @param from the calling shell
     * @param to the target shell
     * @param method the method
     * @param request the payload
     * @return the response
     */
    CompletionStage<JsonNode> rpc(int from, int to, String method, JsonNode request) {
        if (to < 0 || to >= shells.size()) {
            CompletableFuture<JsonNode> f = new CompletableFuture<>();
            f.completeExceptionally(new IllegalArgumentException(
                    "shell " + from + ": " + method + ": no shell rank " + to + " in a job of " + shells.size()));
            return f;
        }
        return shells.get(to).services().serve(method, request);
    }
}
