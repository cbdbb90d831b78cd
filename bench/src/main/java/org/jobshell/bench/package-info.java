/**
 * Benchmarks of jobshell: JMH benchmarks of the dispatch loop and of topic globs
 * ({@link org.jobshell.bench.dispatch}), and a warm in-process launch benchmark measured side by side
 * with the C {@code posix_spawn} limit ({@link org.jobshell.bench.launch}). See docs/BENCHMARKS.md.
 */
package org.jobshell.bench;
