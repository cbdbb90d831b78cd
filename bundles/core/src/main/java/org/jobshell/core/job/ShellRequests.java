package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.jobshell.api.Args;
import org.jobshell.api.Topics;
import org.jobshell.core.launch.Signals;

/**
 * Signals for one shell's tasks that come from outside the shell: a kill request ({@code jobshell
 * kill}: {@code shell.kill}, the {@code kill_event_handler} builtin's) and a signal the job received
 * ({@code shell.signal}, the {@code signals} builtin's). Each is offered to the plugins on the shell's
 * own thread, at the next task start or from its main loop; one no plugin marks handled, or that comes
 * once the main loop has ended, goes to the shell's running tasks as it is. SIGKILL is never offered:
 * it goes to the tasks at once.
 */
final class ShellRequests {

    private final ShellLoop loop;
    private final TopicCalls topics;
    private final ShellTasks tasks;

    ShellRequests(ShellLoop loop, TopicCalls topics, ShellTasks tasks) {
        this.loop = loop;
        this.topics = topics;
        this.tasks = tasks;
    }

    /** @param signal someone asked for it to go to every task of the job */
    void kill(int signal) {
        offer(Topics.SHELL_KILL, signal);
    }

    /** @param signal the job received it */
    void signal(int signal) {
        offer(Topics.SHELL_SIGNAL, signal);
    }

    private void offer(String topic, int signal) {
        if (signal <= 0) {
            return;
        }
        if (signal == Signals.KILL || !loop.request(() -> dispatch(topic, signal))) {
            tasks.killAll(signal);
        }
    }

    private void dispatch(String topic, int signal) {
        Args args = new Args(JsonNodeFactory.instance.objectNode().put("signum", signal));
        topics.call(topic, args);
        if (!args.handled()) {
            tasks.killAll(signal);
        }
    }
}
