package org.jobshell.core.stack;

import org.jobshell.api.Topics;

/**
 * What a plugin failure on a topic does to the job (spec §1.8): the one source of the per-topic error
 * rules. docs/PLUGINS.md's topic table says the same, in {@link #effect()}'s words (a test holds them
 * together).
 */
public enum TopicRule {
    /** The job fails: tasks are killed and the shell exits 1 (optional plugins only warn). */
    FATAL("fails the job"),
    /** The failure is logged; the job goes on. */
    LOGGED("is logged"),
    /** Logged, and the shell's exit code becomes at least 1. */
    EXIT_CODE("makes the exit code at least 1"),
    /** {@code shell.log}: the message that could not be handled is reported on stderr. */
    REPORTED("reported on stderr"),
    /**
     * A vetoable container topic ({@code job.submitting}, {@code job.killing}): the action is refused,
     * as by a veto (optional plugins only warn).
     */
    REFUSED("refuses the action");

    private final String effect;

    TopicRule(String effect) {
        this.effect = effect;
    }

    /** @return what a failure does, as docs/PLUGINS.md words it */
    public String effect() {
        return effect;
    }

    /**
     * @param topic a topic
     * @return how the container calls it, as docs/PLUGINS.md's container table words it: {@code async}
     *     (off the job's critical path, in stack order for one job), {@code sync, vetoable} or
     *     {@code sync}
     */
    public static String mode(String topic) {
        if (asynchronous(topic)) {
            return "async";
        }
        return of(topic) == REFUSED ? "sync, vetoable" : "sync";
    }

    /**
     * @param topic a topic
     * @return whether the container calls it asynchronously: the job-level notifications
     *     ({@code job.submitted}, {@code job.started}, {@code job.polling}, {@code job.killed},
     *     {@code job.failed}, {@code job.succeeded})
     */
    public static boolean asynchronous(String topic) {
        switch (topic) {
            case Topics.JOB_SUBMITTED:
            case Topics.JOB_STARTED:
            case Topics.JOB_POLLING:
            case Topics.JOB_KILLED:
            case Topics.JOB_FAILED:
            case Topics.JOB_SUCCEEDED:
                return true;
            default:
                return false;
        }
    }

    /**
     * @param topic a topic
     * @return the rule for it: {@code taskmap.<scheme>} is fatal (the job cannot place its tasks),
     *     {@code mustache.render.<tag>} is logged (the tag stays as it is); custom topics are
     *     {@link #LOGGED} (the caller also gets the result)
     */
    public static TopicRule of(String topic) {
        if (topic.startsWith("taskmap.")) {
            return FATAL;
        }
        switch (topic) {
            case Topics.SHELL_INIT:
            case Topics.SHELL_POST_INIT:
            case Topics.TASK_INIT:
            case Topics.TASK_FORK:
            case Topics.SHELL_START:
                return FATAL;
            case Topics.SHELL_EXIT:
                return EXIT_CODE;
            case Topics.SHELL_LOG:
                return REPORTED;
            case Topics.JOB_SUBMITTING:
            case Topics.JOB_KILLING:
                return REFUSED;
            default:
                return LOGGED;
        }
    }
}
