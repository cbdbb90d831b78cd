package org.jobshell.api.admin;

/** Where a job is in its life, as {@code jobshell jobs} shows it. */
public enum JobState {
    /** Its shells run: tasks may still start, run or be waited for. */
    RUNNING,
    /** Every shell ended: the exit code is known. */
    FINISHED
}
