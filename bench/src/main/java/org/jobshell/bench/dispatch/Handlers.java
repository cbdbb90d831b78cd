package org.jobshell.bench.dispatch;

import org.jobshell.api.Handler;

/**
 * Handlers of {@value #KINDS} distinct classes, as plugins from different bundles would be: a call
 * site that sees them all is megamorphic, as dispatch is in a real container. Each one only counts.
 */
final class Handlers {

    /** How many distinct handler classes there are. */
    static final int KINDS = 10;

    private Handlers() {
    }

    /**
     * @param kind which class, taken modulo {@value #KINDS}
     * @param hits the counter the handler increments
     * @return a handler of that class
     */
    static Handler of(int kind, Hits hits) {
        switch (Math.floorMod(kind, KINDS)) {
            case 0: return (shell, topic, args) -> hits.count++;
            case 1: return (shell, topic, args) -> hits.count += 1;
            case 2: return (shell, topic, args) -> hits.count = hits.count + 1;
            case 3: return (shell, topic, args) -> ++hits.count;
            case 4: return (shell, topic, args) -> hits.count -= -1;
            case 5: return (shell, topic, args) -> hits.count++;
            case 6: return (shell, topic, args) -> hits.count += 1;
            case 7: return (shell, topic, args) -> hits.count = 1 + hits.count;
            case 8: return (shell, topic, args) -> ++hits.count;
            default: return (shell, topic, args) -> hits.count -= -1;
        }
    }
}
