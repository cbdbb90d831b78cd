package org.jobshell.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A topic callback of a plugin.
 *
 * <p>Returning normally is success. Throwing is failure (the reference's {@code -1}): what a failure
 * does depends on the topic (a failure in {@code shell.init} fails the job, one in {@code task.exit}
 * is only logged). The exception's message is what users see, prefixed with the plugin and topic;
 * throw a {@link ShellException} for a message without a stack trace.
 *
 * <p>A handler still running past the watchdog's fail limit is interrupted, and its plugin is
 * deny-listed for the rest of the job: the call counts as failed ({@code did not return within}), and
 * the plugin gets no more callbacks in that job.
 */
@ConsumerType
@FunctionalInterface
public interface Handler {

    /**
     * Handles one topic call.
     *
     * @param shell the shell, as seen by this plugin
     * @param topic the topic being called, e.g. {@code task.exit}
     * @param args the call's IN and OUT objects, shared by every plugin of this call
     * @throws Exception on failure
     */
    void handle(Shell shell, String topic, Args args) throws Exception;
}
