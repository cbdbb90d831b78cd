package org.jobshell.core.stack;

import java.util.Comparator;

/** A service that takes part in the load order: a plugin service or a plugin source. */
public interface Ranked {

    /** Load order: ascending {@code service.ranking}, ties in install order (service id). */
    Comparator<Ranked> LOAD_ORDER = Comparator.comparingInt(Ranked::ranking).thenComparingLong(Ranked::serviceId);

    /** @return the service ranking */
    int ranking();

    /** @return the service id */
    long serviceId();
}
