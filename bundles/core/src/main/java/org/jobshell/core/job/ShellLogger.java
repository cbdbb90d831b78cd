package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jobshell.api.Args;
import org.jobshell.api.LogLevel;
import org.jobshell.api.Topics;
import org.jobshell.api.TaskStream;

/**
 * The log of one shell. A message up to the job's verbosity is printed on the terminal's stderr as
 * {@code jobshell[<rank>]: <LEVEL>: <component>: <message>} and recorded as a {@code log} event in
 * the output eventlog; every message is offered to the plugins on {@code shell.log} (not from inside
 * a {@code shell.log} callback, and only on the shell's own thread).
 */
final class ShellLogger {

    private static final int MAX_MESSAGE = 4096;

    private final ShellRun shell;
    private final ThreadLocal<Boolean> inShellLog = ThreadLocal.withInitial(() -> false);
    private volatile int threshold;

    ShellLogger(ShellRun shell, int verbose) {
        this.shell = shell;
        this.threshold = LogLevel.NOTICE.severity() + Math.max(0, Math.min(2, verbose));
    }

    boolean enabled(LogLevel level) {
        return level.severity() <= threshold;
    }

    void log(String component, LogLevel level, String message) {
        String text = trim(message);
        if (enabled(level)) {
            print(component, level, text);
            record(component, level, text);
        }
        offer(component, level, text);
    }

    private void print(String component, LogLevel level, String text) {
        StringBuilder line = new StringBuilder(64 + text.length());
        line.append("jobshell[").append(shell.rank()).append("]: ");
        if (!level.token().isEmpty()) {
            line.append(level.token()).append(": ");
        }
        if (component != null) {
            line.append(component).append(": ");
        }
        line.append(text).append('\n');
        OutputStream err = shell.job().terminal().stream(TaskStream.STDERR);
        try {
            err.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the terminal is gone; the eventlog still has the message
        }
    }

    private void record(String component, LogLevel level, String text) {
        shell.job().outputLog().append("log", context(component, level, text));
    }

    private ObjectNode context(String component, LogLevel level, String text) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("rank", shell.rank());
        c.put("level", level.severity());
        c.put("message", text);
        if (component != null) {
            c.put("component", component);
        }
        return c;
    }

    private void offer(String component, LogLevel level, String text) {
        if (inShellLog.get() || !shell.onShellThread() || !shell.stackReady()) {
            return;
        }
        inShellLog.set(true);
        try {
            boolean ok = shell.callQuietly(Topics.SHELL_LOG, new Args(context(component, level, text)));
            if (!ok) {
                print(null, LogLevel.ERROR, "log failure: " + text);
            }
        } finally {
            inShellLog.set(false);
        }
    }

    private static String trim(String message) {
        String m = message == null ? "null" : message;
        if (m.endsWith("\n")) {
            m = m.substring(0, m.length() - 1);
        }
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "+" : m;
    }
}
