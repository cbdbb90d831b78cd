package org.jobshell.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything the shells of one job exchange, as one shell sees it. Shells in one container use the
 * core's in-container implementation; shells on separate nodes use one over the site's messaging.
 * Payloads are JSON and cross the exchange serialized (also in the container), so no shell ever holds
 * an object of another.
 *
 * <p>The core gives each shell an {@link Endpoint} to receive on. Only the leader (rank 0) writes
 * the terminal and the eventlogs: other shells send what they would write with {@link #toLeader}.
 */
@ConsumerType
public interface ShellExchange {

    /** @return this shell's rank */
    int rank();

    /** @return the number of shells of the job */
    int size();

    /**
     * Waits until every shell of the job reached the barrier of this name.
     *
     * @param name the barrier
     * @return true when all arrived, false when the job was aborted while waiting
     * @throws InterruptedException when the waiting thread was interrupted
     */
    boolean barrier(String name) throws InterruptedException;

    /**
     * Calls a service method of a shell of this job.
     *
     * @param shellRank the target shell
     * @param method the method
     * @param request the payload
     * @return the response; completed exceptionally with the failure's message when the method fails,
     *     does not exist, or the shell is gone
     */
    CompletionStage<JsonNode> rpc(int shellRank, String method, JsonNode request);

    /**
     * Sends a message to the leader; on the leader, delivers it to its own endpoint.
     *
     * @param kind what it is
     * @param body its body, as {@link LeaderMessage} describes
     */
    void toLeader(LeaderMessage kind, ObjectNode body);

    /**
     * Raises the job exception: the leader records the first one, and every shell of the job is
     * {@link Endpoint#aborted aborted} (its tasks killed, its barriers released).
     *
     * @param code the exit code the job gets
     * @param message the exception's note
     */
    void abort(int code, String message);

    /**
     * Sends a kill request to every shell of the job: each offers it to its plugins
     * ({@code shell.kill}), and what none takes goes to its tasks.
     *
     * @param signal the signal number
     */
    void kill(int signal);

    /**
     * Cancels the job on every shell: no shell starts another task, and the signal goes to every
     * running task.
     *
     * @param signal the signal number
     */
    void cancel(int signal);

    /** What a shell offers the exchange: the core implements it for each shell. */
    @ProviderType
    interface Endpoint {
        /**
         * @param method a service method of this shell
         * @param request the payload
         * @return the response
         */
        CompletionStage<JsonNode> serve(String method, JsonNode request);

        /**
         * The job was aborted (by any shell): stop, kill the tasks.
         *
         * @param code the job's exit code
         * @param message the exception's note
         */
        void aborted(int code, String message);

        /**
         * @param signal a kill request for this shell's tasks: offered to its plugins ({@code shell.kill})
         *     on the shell's thread, and sent to the tasks when none takes it; SIGKILL is sent at once
         */
        void kill(int signal);

        /** @param signal the job is cancelled: start no more tasks, signal the running ones */
        void cancelled(int signal);

        /**
         * On the leader only: a message from a shell (the leader's own included).
         *
         * @param shellRank the sender
         * @param kind what it is
         * @param body its body
         */
        void fromShell(int shellRank, LeaderMessage kind, ObjectNode body);

        /**
         * On the leader only: the job exception, raised by a shell; the first one counts.
         *
         * @param shellRank the shell that raised it
         * @param code the exit code the job gets
         * @param message the note
         */
        void exception(int shellRank, int code, String message);
    }
}
