package org.jobshell.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** A submitted job. */
@ProviderType
public interface Job {

    /** @return the job id as users see it, e.g. {@code f2dJbKpaE3} */
    String id();

    /** @return the job's directory: jobspec.json, R.json, exec.eventlog, output.eventlog */
    Path directory();

    /**
     * @return the user the job belongs to: who submitted it; only they may see its output, signal
     *     it or call its services through the daemon
     * @since 1.2
     */
    String owner();

    /**
     * @return running until the exit code is known, then finished
     * @since 1.2
     */
    JobState state();

    /**
     * @return the number of tasks of the job
     * @since 1.2
     */
    int ntasks();

    /**
     * @return the command of the job's tasks (of its first task slot)
     * @since 1.2
     */
    List<String> command();

    /**
     * @return when the job was submitted
     * @since 1.2
     */
    Instant started();

    /**
     * @return completes with the job's exit code once every shell ended: the largest task exit
     *     code (128 + signal for a signalled task), or the code of a fatal error
     */
    CompletionStage<Integer> exitCode();

    /**
     * Calls a service method a plugin of the job registered ({@code Shell.register}), as a client
     * outside the job: the job's service is {@code <uid>-shell-<id>}, the method one of its plugins'.
     *
     * @param shellRank the shell whose method it is (0, the leader, for most)
     * @param method the method name
     * @param request the request payload
     * @return completes with the method's response, or fails with a message naming the method and
     *     why: no such method, the plugin failed, or the job has ended (its service is gone)
     * @since 1.2
     */
    CompletionStage<JsonNode> call(int shellRank, String method, JsonNode request);

    /**
     * Sends a signal to every running task of the job (and what it started), once the container's
     * {@code job.killing} plugins let it through: each shell's plugins deliver it ({@code shell.kill}, the
     * {@code kill_event_handler} builtin), else the core does; SIGKILL always reaches the tasks.
     * The job goes on: tasks not started yet still start.
     *
     * @param signal the signal number, e.g. 10 for SIGUSR1
     */
    void kill(int signal);

    /**
     * The job received a signal: one sent to the {@code jobshell run} that runs it, or passed on by its
     * client. Every shell's plugins decide what it does ({@code shell.signal}): the {@code signals}
     * builtin cancels the job on SIGINT, SIGTERM and SIGHUP (as {@link #cancel} does) and sends any other
     * signal to every running task, and the job goes on. A signal no plugin takes goes to the tasks.
     *
     * @param signal the signal number, e.g. 2 for SIGINT
     * @since 1.4
     */
    void signal(int signal);

    /**
     * Ends the job as an interrupt does: no further task is started (a task that never started counts
     * as killed by {@code signal}), the signal goes to every running task, and whatever still runs
     * after the kill grace period (setting {@code kill.grace.ms}) gets SIGKILL. Calling it again sends
     * the new signal; SIGKILL acts at once.
     *
     * @param signal the signal number, e.g. 15 for SIGTERM
     */
    void cancel(int signal);
}
