package org.jobshell.core.launch;

/** A started process. */
public interface Spawned {

    /** @return its process id */
    long pid();
}
