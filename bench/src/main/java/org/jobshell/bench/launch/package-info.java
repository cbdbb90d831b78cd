/**
 * Warm in-process launch benchmark: {@link org.jobshell.core.launch.ProcessBuilderLauncher} starting
 * N tasks in one JVM, interleaved round by round with the C {@code posix_spawn} harness
 * ({@code shared/bench/spawnbench.c}) at the same N, concurrency and output handling.
 */
package org.jobshell.bench.launch;
