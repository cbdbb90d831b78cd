package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.jobshell.api.Args;
import org.jobshell.api.Topics;

/**
 * On the leader: the end of the job's tasks. Each shell's {@code shell.finish} reaches the leader
 * through the exchange and is offered to its plugins on {@code shell.finished}, where the
 * {@code tasks-complete} builtin calls {@code shell.tasks-complete} once every shell has reported (from
 * an action it queues on the main loop). If no plugin has called it once the last report and the
 * actions queued meanwhile are done, the core calls it: a job never waits for a plugin that does not
 * answer. The leader's main loop runs until then.
 */
final class TasksComplete {

    private final TopicCalls topics;
    private final ShellFailure failure;
    private final ShellLoop loop;
    private volatile boolean called;

    TasksComplete(TopicCalls topics, ShellFailure failure, ShellLoop loop) {
        this.topics = topics;
        this.failure = failure;
        this.loop = loop;
    }

    /** The leader's tasks started: its main loop keeps running until the tasks of every shell are complete. */
    void await() {
        loop.hold(Topics.SHELL_TASKS_COMPLETE);
    }

    /** @param topic a topic this shell called (a plugin calls {@code shell.tasks-complete} through it) */
    void called(String topic) {
        if (topic.equals(Topics.SHELL_TASKS_COMPLETE)) {
            called = true;
        }
    }

    /**
     * On the leader's main loop: a shell reached {@code shell.finish}.
     *
     * @param shellRank the shell
     * @param last whether every shell of the job has now
     */
    void finished(int shellRank, boolean last) {
        if (!failure.halted()) {
            topics.call(Topics.SHELL_FINISHED, new Args(JsonNodeFactory.instance.objectNode().put("shell_rank", shellRank)));
        }
        if (last) {
            loop.execute(this::complete); // after what the plugins queued meanwhile
        }
    }

    private void complete() {
        try {
            if (!called && !failure.halted()) {
                topics.call(Topics.SHELL_TASKS_COMPLETE);
            }
        } finally {
            loop.release(Topics.SHELL_TASKS_COMPLETE);
        }
    }
}
