package org.jobshell.core.job;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongPredicate;

/**
 * Bundles being retired, each with the stage that completes once no running job holds its
 * plugins; checked when one is added and whenever a job ends.
 */
final class Retirements {

    private final Map<Long, CompletableFuture<Void>> pending = new HashMap<>();

    /**
     * @param bundleId a bundle being retired
     * @return completes once it is free (the same stage when it was added before)
     */
    synchronized CompletionStage<Void> add(long bundleId) {
        return pending.computeIfAbsent(bundleId, id -> new CompletableFuture<>());
    }

    /** @param held whether a running job holds a plugin of a bundle */
    void check(LongPredicate held) {
        Map<Long, CompletableFuture<Void>> free = new HashMap<>();
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            for (Map.Entry<Long, CompletableFuture<Void>> e : pending.entrySet()) {
                if (!held.test(e.getKey())) {
                    free.put(e.getKey(), e.getValue());
                }
            }
            pending.keySet().removeAll(free.keySet());
        }
        free.values().forEach(f -> f.complete(null)); // outside the lock: completion uninstalls bundles
    }
}
