package org.jobshell.plugin.taskexit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The first task exit of one shell, as the leader hears of it.
 *
 * @param rank the task rank
 * @param host the host of its shell
 * @param exitCode its exit code (128 + N when signal N killed it)
 * @param signal the signal that killed it, or 0
 */
record ExitReport(int rank, String host, int exitCode, int signal) {

    private static final String[] SIGNALS = {null, "Hangup", "Interrupt", "Quit", "Illegal instruction",
        "Trace/breakpoint trap", "Aborted", "Bus error", "Floating point exception", "Killed", "User defined signal 1",
        "Segmentation fault", "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault",
        "Child exited", "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
        "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired",
        "Profiling timer expired", "Window changed", "I/O possible", "Power failure", "Bad system call"};

    /** @return the report as a service request */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("rank", rank);
        o.put("host", host);
        o.put("exitcode", exitCode);
        o.put("signaled", signal);
        return o;
    }

    /** @return a report read back from {@link #toJson()} */
    static ExitReport of(JsonNode json) {
        return new ExitReport(json.path("rank").asInt(), json.path("host").asText(), json.path("exitcode").asInt(),
                json.path("signaled").asInt());
    }

    /** @return {@code  (Exit N)}, or the signal's description such as {@code  (Segmentation fault)} */
    String disposition() {
        if (signal > 0) {
            return " (" + (signal < SIGNALS.length ? SIGNALS[signal] : "Signal " + signal) + ")";
        }
        return " (Exit " + exitCode + ")";
    }

    /**
     * @param command the job's command name
     * @return {@code CMD: task rank R on host H}
     */
    String who(String command) {
        return command + ": task rank " + rank + " on host " + host;
    }
}
