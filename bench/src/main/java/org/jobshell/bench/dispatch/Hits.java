package org.jobshell.bench.dispatch;

/** What benchmark handlers do: count their calls, so that the JIT cannot drop them. */
public final class Hits {

    /** Calls counted so far. */
    public long count;
}
