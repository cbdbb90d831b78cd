package org.jobshell.posix;

import org.jobshell.core.spi.Spawned;

/**
 * A task the posix launcher started: the leader of its own process group.
 *
 * @param pid its process id, which is also its process group id
 */
record PosixProcess(long pid) implements Spawned {
}
