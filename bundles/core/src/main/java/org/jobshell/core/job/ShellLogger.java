package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BooleanSupplier;
import org.jobshell.api.Args;
import org.jobshell.api.LogLevel;
import org.jobshell.api.Topics;
import org.jobshell.core.spi.LeaderMessage;
import org.jobshell.core.spi.ShellExchange;

/**
 * The log of one shell. A message up to the job's verbosity goes to the leader, which prints it on
 * the terminal's stderr as {@code jobshell[<rank>]: <LEVEL>: <component>: <message>} and records it
 * as a {@code log} event in the output eventlog; every message is also offered to the plugins on
 * {@code shell.log} (not from inside a {@code shell.log} callback, and only on the shell's own
 * thread once its plugins are attached). A message no {@code shell.log} handler could take is
 * reported as {@code log failure: <message>}.
 */
final class ShellLogger {

    private static final int MAX_MESSAGE = 4096;

    private final ShellExchange exchange;
    private final ThreadLocal<Boolean> inShellLog = ThreadLocal.withInitial(() -> false);
    private final int threshold;
    private TopicCalls topics;
    private BooleanSupplier canOffer = () -> false;

    /**
     * @param verbose the job's verbosity, 0 to 2
     * @param exchange where messages go to the leader
     */
    ShellLogger(int verbose, ShellExchange exchange) {
        this.exchange = exchange;
        this.threshold = LogLevel.NOTICE.severity() + Math.max(0, Math.min(2, verbose));
    }

    /**
     * @param shellLog calls {@code shell.log}
     * @param whenReady whether a message may be offered to the plugins now
     */
    void offerTo(TopicCalls shellLog, BooleanSupplier whenReady) {
        this.topics = shellLog;
        this.canOffer = whenReady;
    }

    boolean enabled(LogLevel level) {
        return level.severity() <= threshold;
    }

    void log(String component, LogLevel level, String message) {
        String text = trim(message);
        if (enabled(level)) {
            send(component, level, text);
        }
        offer(component, level, text);
    }

    private void send(String component, LogLevel level, String text) {
        exchange.toLeader(LeaderMessage.LOG, body(component, level, text));
    }

    private ObjectNode body(String component, LogLevel level, String text) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("level", level.severity());
        c.put("message", text);
        if (component != null) {
            c.put("component", component);
        }
        return c;
    }

    private void offer(String component, LogLevel level, String text) {
        if (inShellLog.get() || topics == null || !canOffer.getAsBoolean()) {
            return;
        }
        inShellLog.set(true);
        try {
            ObjectNode in = body(component, level, text);
            in.put("rank", exchange.rank());
            if (!topics.call(Topics.SHELL_LOG, new Args(in)).isEmpty()) {
                send(null, LogLevel.ERROR, "log failure: " + text);
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
