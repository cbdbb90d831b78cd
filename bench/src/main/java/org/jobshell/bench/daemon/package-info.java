/**
 * Benchmarks of the long-lived container, driven through its socket from outside: how long a
 * copied plugin jar takes to be in use, and what 2,000 jobs leave behind (threads, descriptors,
 * heap). {@code bench/run-daemon.sh} runs them beside the CLI timings.
 */
package org.jobshell.bench.daemon;
