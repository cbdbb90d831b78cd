package org.jobshell.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One shell of a job, as seen by one plugin: job and rank information, options, the job
 * environment, the local tasks, logging, custom topic calls and services.
 *
 * <p>Topic handlers run on the shell's own thread, one at a time. Work done on other threads (for
 * example in a task output listener) must come back with {@link #execute(Runnable)} before it
 * touches the shell.
 */
@ProviderType
public interface Shell {

    /** @return the job and this shell's place in it */
    ShellInfo info();

    /**
     * @param shellRank a shell rank of this job, or -1 for this shell
     * @return what that shell runs (host, tasks, cores)
     * @throws IllegalArgumentException for a rank outside the job
     */
    RankInfo rankInfo(int shellRank);

    /** @return the job's shell options (jobspec {@code attributes.system.shell.options}) */
    Options options();

    /**
     * @return the job environment; changes apply to every task that has not been started yet
     */
    Environment environment();

    /** @return this shell's tasks in local order; empty before they are created */
    List<Task> tasks();

    /**
     * @return the task of the current {@code task.*} topic call, or null outside a task context
     */
    Task currentTask();

    /** @return the log, whose messages carry this plugin's name as component */
    ShellLog log();

    /**
     * Calls a topic on this shell's whole plugin stack (a custom topic: how plugins offer extension
     * points to each other). Every plugin with a matching handler is called, whatever the others do;
     * failures are logged.
     *
     * @param topic the topic
     * @param args the IN/OUT args, read back by the caller afterwards
     * @return true when no plugin failed
     */
    boolean call(String topic, Args args);

    /**
     * Fails the job now: logs the message at FATAL level, records the job exception (the first one
     * of the job decides its exit code), kills every task of every shell, and ends the topic call in
     * progress (the plugins after this one are not called). The shell then only waits for its killed
     * tasks and exits with {@code exitCode}.
     *
     * @param exitCode the shell's exit code, at least 1
     * @param message what went wrong
     * @return never returns normally: throws to unwind the caller (use {@code throw shell.die(...)})
     */
    RuntimeException die(int exitCode, String message);

    /**
     * Sends a signal to every running local task and to what it started: its process group where the
     * launcher gives each task one, else every descendant found in the process table at the call (the
     * core's ProcessBuilder launcher). Sent while the shell is still starting its tasks, it also goes
     * to each task started after it, right after its spawn.
     *
     * @param signal a signal number; values {@code <= 0} are ignored
     */
    void killAll(int signal);

    /**
     * Cancels this shell's part of the job, as an interrupt does: no further task of this shell starts
     * (one that never started counts as killed by {@code signal}), the signal goes to its running tasks
     * and what they started, and whatever still runs after the kill grace period (setting
     * {@code kill.grace.ms}) gets SIGKILL. What the {@code signals} builtin does on SIGINT, SIGTERM and
     * SIGHUP. Calling it again sends the new signal; SIGKILL acts at once.
     *
     * @param signal a signal number; values {@code <= 0} are ignored
     * @since 1.3
     */
    void cancel(int signal);

    /**
     * Shows a message of this shell's log to the user and records it: the leader prints
     * {@code jobshell[<rank>]: <LEVEL>: <component>: <message>} on the job's stderr and appends a
     * {@code log} event {@code {rank, level, message, component}} to the output eventlog. Other shells'
     * messages reach the leader through the shell exchange, in the order they are recorded; any thread
     * may call it. It applies no level: it is what the {@code evlog} builtin does with each
     * {@code shell.log} message up to its level, and what a replacement of it may do with some.
     *
     * @param level the message's level
     * @param component what the message is about (a plugin's name), or null for none
     * @param message the message (one line; a trailing newline is dropped)
     * @since 1.3
     */
    void recordLog(LogLevel level, String component, String message);

    /**
     * Adds a key to the context of an event the shell posts to the exec eventlog
     * ({@code shell.init}, {@code shell.start}); later additions of a key win.
     *
     * @param event the event name
     * @param key the context key
     * @param value the value
     */
    void addEventContext(String event, String key, JsonNode value);

    /**
     * @param name {@code exec} or {@code output}
     * @return the job's eventlog of that name
     * @throws IllegalStateException on a shell that is not the leader (rank 0): only the leader
     *     writes eventlogs
     */
    Eventlog eventlog(String name);

    /**
     * The terminal of the job: where {@code jobshell run} shows task output. Only the leader has
     * one; other shells send their output to the leader through a service.
     *
     * @param stream which of the two streams
     * @return the stream; writes must be whole lines or whole chunks, and are not buffered
     * @throws IllegalStateException on a shell that is not the leader
     */
    OutputStream terminal(TaskStream stream);

    /**
     * The input of the job: what {@code jobshell run} reads on its standard input. Only the leader has
     * it; read it on a thread of your own (reads block).
     *
     * @return the stream, empty when the job has no input
     * @throws IllegalStateException on a shell that is not the leader
     */
    InputStream input();

    /**
     * Keeps the shell's main loop running until the reference is released, for asynchronous work
     * that outlives the tasks. References are counted by name.
     *
     * @param name a name, such as {@code output.flush}
     */
    void holdCompletion(String name);

    /**
     * Releases a reference taken with {@link #holdCompletion(String)}.
     *
     * @param name the name
     * @throws IllegalArgumentException if no such reference is held
     */
    void releaseCompletion(String name);

    /**
     * Queues an action for the shell's thread, the way work done on another thread comes back to the
     * shell. Actions run from the shell's main loop, in the order queued and never inside a topic call:
     * the loop starts after {@code shell.start}, so an action queued earlier waits for it; once the loop
     * has ended (before {@code shell.exit}) an action is dropped with a warning. An action is guarded
     * like a handler: a failure is logged naming the plugin.
     *
     * @param action the action
     */
    void execute(Runnable action);

    /**
     * Registers a service method of this shell, callable by any shell of the job through
     * {@link #rpc}. A later registration of the same name replaces the earlier one.
     *
     * @param method the method name, e.g. {@code output.write}
     * @param handler the handler, run on this shell's thread
     */
    void register(String method, ServiceMethod handler);

    /**
     * Calls a service method on a shell of this job.
     *
     * @param shellRank the target shell rank
     * @param method the method name
     * @param request the request payload
     * @return the response, completed exceptionally when the method fails or does not exist
     */
    CompletionStage<JsonNode> rpc(int shellRank, String method, JsonNode request);

    /**
     * Renders a mustache template (spec §6.1) for the current task, or for no task outside a task
     * context: {@code {{id}}}, {@code {{name}}}, {@code {{size}}}, {@code {{nnodes}}},
     * {@code {{taskid}}}, {@code {{task.index}}}, {@code {{node.cores}}}, ... are replaced; any other
     * tag is asked of the plugins on topic {@code mustache.render.<tag>} (OUT {@code result}); a tag
     * nobody resolves stays as it is, braces included.
     *
     * @param template the template, e.g. {@code out.{{id}}.{{taskid}}}
     * @return the rendered text
     */
    String render(String template);

    /**
     * Renders a mustache template for a given task of this shell.
     *
     * @param template the template
     * @param task the task whose {@code task.*} tags apply, or null to leave them as they are
     * @return the rendered text
     */
    String render(String template, Task task);

    /**
     * Whether a template names something different on each shell (the reference's
     * {@code mustache_is_per_rank}): false for a job of one shell; true when it holds
     * {@code {{tmpdir}}}, or renders differently for shell 0 and shell 1, or for this shell's first
     * task and for no task. The output plugin lets each shell write its own file of a per-shell
     * template, and sends the output of a shared one to the leader, which writes the one file.
     *
     * @param template the template
     * @return whether each shell renders its own
     */
    boolean rendersPerShell(String template);

    /** @return the plugins attached to this shell, in stack order */
    List<String> plugins();
}
