package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A retired bundle is free once no running job holds it, and not before. */
class RetirementsTest {

    @Test
    void aBundleIsFreeOnceTheLastJobHoldingItEnded() {
        Retirements r = new Retirements();
        Set<Long> held = new HashSet<>(Set.of(4L, 5L));
        CompletableFuture<Void> four = r.add(4).toCompletableFuture();
        CompletableFuture<Void> six = r.add(6).toCompletableFuture();
        r.check(held::contains);
        assertFalse(four.isDone(), "a running job holds bundle 4");
        assertTrue(six.isDone(), "no job holds bundle 6");
        held.remove(4L);
        r.check(held::contains);
        assertTrue(four.isDone());
    }
}
