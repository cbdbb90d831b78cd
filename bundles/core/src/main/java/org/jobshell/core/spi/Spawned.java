package org.jobshell.core.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** A process a {@link TaskLauncher} started. */
@ConsumerType
public interface Spawned {

    /** @return its process id */
    long pid();
}
