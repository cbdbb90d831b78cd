package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.jobshell.api.Eventlog;
import org.jobshell.api.LogLevel;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.LeaderMessage;

/**
 * What only the leader (shell rank 0) writes and follows: the job's terminal and eventlogs, fed by
 * the messages every shell sends it through the exchange (its own included), the first job exception,
 * the first task exit, and each shell that has finished. Thread-safe: messages arrive on any shell's
 * thread.
 */
final class LeaderRecords {

    /** What the leader shell does for its records. */
    interface LeaderShell {
        /** @param action work for the leader's main loop (it runs after the leader's shell.start) */
        void execute(Runnable action);

        /**
         * A shell reached shell.finish.
         *
         * @param shellRank the shell
         * @param last whether every shell of the job has now
         */
        void shellFinished(int shellRank, boolean last);

        /** @param message what the leader could not record (a full disk): the job fails on it */
        void recordsFailed(String message);
    }

    private final JobDirectory directory;
    private final JobTerminal terminal;
    private final int shells;
    private final BitSet finished = new BitSet();
    private final Set<String> fatalShown = new HashSet<>();
    private LeaderShell leader;
    private boolean firstExitSeen;
    private Integer exceptionCode;

    LeaderRecords(JobDirectory directory, JobTerminal terminal, int shells) {
        this.directory = directory;
        this.terminal = terminal;
        this.shells = shells;
    }

    /** @param shell the leader shell, once it exists: a failed eventlog write fails the job through it */
    synchronized void leader(LeaderShell shell) {
        this.leader = shell;
        directory.exec().onFailure(shell::recordsFailed);
        directory.output().onFailure(shell::recordsFailed);
    }

    /**
     * @param rank the sending shell
     * @param kind what it sent
     * @param body the message
     */
    void fromShell(int rank, LeaderMessage kind, ObjectNode body) {
        switch (kind) {
            case LOG:
                log(rank, body);
                break;
            case EVENT:
                eventlog(body.path("eventlog").asText()).append(body.path("name").asText(),
                        body.get("context") instanceof ObjectNode ? (ObjectNode) body.get("context") : null);
                break;
            case TASK_EXIT:
                firstExit(body);
                break;
            case FINISHED:
                finished(rank);
                break;
            default:
                throw new IllegalArgumentException("unknown message for the leader: " + kind);
        }
    }

    /** Records the first job exception, of type {@code exec}; later ones are already covered by it. */
    void exception(int rank, int code, String message) {
        exception(rank, "exec", code, message);
    }

    /**
     * Records the first job exception; later ones are already covered by it.
     *
     * @param rank the shell that raised it
     * @param type what it is: {@code exec}, {@code timeout}
     * @param code the job's exit code
     * @param message its note
     */
    void exception(int rank, String type, int code, String message) {
        synchronized (this) {
            if (exceptionCode != null) {
                return;
            }
            exceptionCode = code;
        }
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        ctx.put("type", type);
        ctx.put("severity", 0);
        ctx.put("shell_rank", rank);
        ctx.put("note", message);
        directory.exec().append("exception", ctx);
    }

    /** @return the first job exception's exit code, or null when none was raised */
    synchronized Integer exceptionCode() {
        return exceptionCode;
    }

    /**
     * @param name {@code exec} or {@code output}
     * @return that eventlog
     */
    Eventlog eventlog(String name) {
        switch (name) {
            case "exec":
                return directory.exec();
            case "output":
                return directory.output();
            default:
                throw new IllegalArgumentException("no eventlog '" + name + "': there are 'exec' and 'output'");
        }
    }

    /** @return the job's input */
    InputStream input() {
        return terminal.input();
    }

    /** @return the job's terminal stream */
    OutputStream terminal(TaskStream stream) {
        return terminal.stream(stream);
    }

    private void log(int rank, JsonNode body) {
        LogLevel level = LogLevel.ofSeverity(body.path("level").asInt(LogLevel.ERROR.severity()));
        String component = body.hasNonNull("component") ? body.get("component").asText() : null;
        String text = body.path("message").asText();
        if (firstShowing(level, component, text)) {
            try {
                terminal.stream(TaskStream.STDERR).write(level.line(rank, component, text)
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the terminal is gone; the eventlog still has the message
            }
        }
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        ctx.put("rank", rank);
        ctx.put("level", level.severity());
        ctx.put("message", text);
        if (component != null) {
            ctx.put("component", component);
        }
        directory.output().append("log", ctx);
    }

    /**
     * Shells that fail on the same thing (a bad option every shell reads) say the same FATAL line:
     * the terminal shows it once; the eventlog keeps every shell's.
     */
    private synchronized boolean firstShowing(LogLevel level, String component, String text) {
        return level != LogLevel.FATAL || fatalShown.add(component + ": " + text);
    }

    private void firstExit(ObjectNode task) {
        LeaderShell shell;
        synchronized (this) {
            if (firstExitSeen) {
                return;
            }
            firstExitSeen = true;
            shell = leader;
        }
        // like a report from another shell, it comes after the leader's own shell.start
        shell.execute(() -> directory.exec().append("shell.task-exit", task));
    }

    /** Under the lock, so that the leader hears of the last shell last. */
    private synchronized void finished(int rank) {
        finished.set(rank);
        leader.shellFinished(rank, finished.cardinality() == shells);
    }
}
