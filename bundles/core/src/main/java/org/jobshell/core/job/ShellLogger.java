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
 * The log of one shell. Every message is offered to the plugins on {@code shell.log} (only on the
 * shell's own thread once its plugins are attached, and not from inside a {@code shell.log}
 * callback); the {@code evlog} builtin shows and records the ones up to its level ({@link #record})
 * and marks them handled. A message no plugin handled, or that could not be offered, is recorded
 * here when it is up to the job's verbosity: the leader prints it on the terminal's stderr as
 * {@code jobshell[<rank>]: <LEVEL>: <component>: <message>} and records it as a {@code log} event in
 * the output eventlog. So a job without {@code evlog} still shows its log. A message no
 * {@code shell.log} handler could take is reported as {@code log failure: <message>}.
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

    /** @return the job's level: the severity of the least severe messages shown (NOTICE, plus verbose) */
    int level() {
        return threshold;
    }

    boolean enabled(LogLevel level) {
        return level.severity() <= threshold;
    }

    void log(String component, LogLevel level, String message) {
        String text = trim(message);
        Offer offer = offer(component, level, text);
        if (!offer.handled() && enabled(level)) {
            send(component, level, text);
        }
        if (offer.failed()) {
            send(null, LogLevel.ERROR, "log failure: " + text);
        }
    }

    /**
     * Shows and records a message whatever its level (a plugin's {@code Shell.recordLog}).
     *
     * @param component what it is about, or null
     * @param level its level
     * @param message the message
     */
    void record(String component, LogLevel level, String message) {
        send(component, level, trim(message));
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

    private Offer offer(String component, LogLevel level, String text) {
        if (inShellLog.get() || topics == null || !canOffer.getAsBoolean()) {
            return Offer.NONE;
        }
        inShellLog.set(true);
        try {
            ObjectNode in = body(component, level, text);
            in.put("rank", exchange.rank());
            Args args = new Args(in);
            boolean failed = !topics.call(Topics.SHELL_LOG, args).isEmpty();
            return new Offer(args.handled(), failed);
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

    /**
     * What became of a message offered on {@code shell.log}.
     *
     * @param handled a plugin took care of it
     * @param failed a handler failed
     */
    private record Offer(boolean handled, boolean failed) {
        /** Not offered: logged on another thread, before the plugins attached, or inside shell.log. */
        static final Offer NONE = new Offer(false, false);
    }
}
