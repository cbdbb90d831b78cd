package org.jobshell.core.job;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jobshell.api.Args;
import org.jobshell.api.LogLevel;
import org.jobshell.api.ShellException;
import org.jobshell.core.stack.Dispatcher;
import org.jobshell.core.stack.Failure;
import org.jobshell.core.stack.Fatal;
import org.jobshell.core.stack.TopicRule;

/**
 * Calls topics on one shell's stack and applies each topic's {@link TopicRule}: failures on a fatal
 * topic fail the job in one line (optional plugins only warn), {@code shell.log}'s are left to the
 * logger, the others are logged. Every call is also posted to EventAdmin.
 */
final class TopicCalls {

    private final Dispatcher dispatcher;
    private final ShellLogger log;
    private final ShellFailure failure;
    private final Consumer<String> posted;

    /**
     * @param dispatcher the shell's dispatcher
     * @param log where failures are logged
     * @param failure fails the job
     * @param posted told about every topic called (the EventAdmin bridge)
     */
    TopicCalls(Dispatcher dispatcher, ShellLogger log, ShellFailure failure, Consumer<String> posted) {
        this.dispatcher = dispatcher;
        this.log = log;
        this.failure = failure;
        this.posted = posted;
    }

    /**
     * Calls a topic with empty args.
     *
     * @throws Fatal when the topic is fatal and a required plugin failed
     */
    List<Failure> call(String topic) {
        return call(topic, new Args());
    }

    /**
     * Calls a topic and applies its error rule.
     *
     * @return the failures
     * @throws Fatal when the topic is fatal and a required plugin failed, or the shell was abandoned
     */
    List<Failure> call(String topic, Args args) {
        if (failure.abandoned()) {
            throw new Fatal("shell abandoned");
        }
        List<Failure> failures = dispatcher.call(topic, args);
        posted.accept(topic);
        if (failures.isEmpty()) {
            return failures;
        }
        debugFrames(failures);
        switch (TopicRule.of(topic)) {
            case FATAL:
                failFatal(failures);
                break;
            case REPORTED:
                break; // the logger reports it: logging here would log from inside a log
            default:
                for (Failure f : failures) {
                    log.log(null, LogLevel.ERROR, f.describe());
                }
        }
        return failures;
    }

    private void failFatal(List<Failure> failures) {
        List<Failure> required = new ArrayList<>();
        for (Failure f : failures) {
            if (f.plugin().optional()) {
                log.log(null, LogLevel.WARN, f.describe() + " (optional plugin: job goes on)");
            } else {
                required.add(f);
            }
        }
        if (!required.isEmpty()) {
            throw failure.fail(1, required.stream().map(Failure::describe).collect(Collectors.joining("; ")));
        }
    }

    private void debugFrames(List<Failure> failures) {
        if (!log.enabled(LogLevel.DEBUG)) {
            return;
        }
        for (Failure f : failures) {
            if (f.error() != null && !(f.error() instanceof ShellException)) {
                StackTraceElement[] st = f.error().getStackTrace();
                log.log(null, LogLevel.DEBUG, f.describe() + " at " + (st.length == 0 ? "?" : st[0].toString()));
            }
        }
    }
}
