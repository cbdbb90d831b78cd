package org.jobshell.core.stack;

import org.jobshell.api.Topics;

/** What a plugin failure on a topic does to the job (spec §1.8). */
public enum TopicRule {
    /** The job fails: tasks are killed and the shell exits 1. */
    FATAL,
    /** The failure is logged; the job goes on. */
    LOGGED,
    /** Logged, and the shell's exit code becomes at least 1. */
    EXIT_CODE;

    /**
     * @param topic a topic
     * @return the rule for it; custom topics are {@link #LOGGED} (the caller sees the result)
     */
    public static TopicRule of(String topic) {
        switch (topic) {
            case Topics.SHELL_INIT:
            case Topics.SHELL_POST_INIT:
            case Topics.TASK_INIT:
            case Topics.TASK_FORK:
            case Topics.SHELL_START:
                return FATAL;
            case Topics.SHELL_EXIT:
                return EXIT_CODE;
            default:
                return LOGGED;
        }
    }
}
