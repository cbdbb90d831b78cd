package org.jobshell.core.job;

/**
 * How long a job waits for its tasks.
 *
 * @param drainMillis after a fatal error, how long a shell waits for its killed tasks to be gone
 * @param killGraceMillis after a cancel, how long tasks may take to end before SIGKILL
 * @param orphanGraceMillis after a shell's last task exited, how long what it started may hold its
 *     output before it is killed
 */
record JobTimes(long drainMillis, long killGraceMillis, long orphanGraceMillis) {
}
