/**
 * A {@link org.jobshell.core.spi.TaskLauncher} calling {@code posix_spawn(3)} directly through
 * {@code java.lang.foreign} (Java 22+). Internal: the bundle exports nothing and registers one service.
 */
package org.jobshell.posix;
