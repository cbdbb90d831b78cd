package org.jobshell.core.job;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jobshell.api.Args;
import org.jobshell.api.LogLevel;
import org.jobshell.api.ShellException;
import org.jobshell.core.stack.Dispatcher;
import org.jobshell.core.stack.Failure;
import org.jobshell.core.stack.Fatal;
import org.jobshell.core.stack.TopicRule;

/**
 * Calls topics on one shell's stack and applies each topic's error rule (spec §1.8): failures on a
 * fatal topic fail the job in one line (optional plugins only warn), others are logged; every call
 * is also posted to EventAdmin.
 */
final class TopicCalls {

    private final ShellRun shell;
    private final Dispatcher dispatcher;

    TopicCalls(ShellRun shell, Dispatcher dispatcher) {
        this.shell = shell;
        this.dispatcher = dispatcher;
    }

    /**
     * Calls a topic and applies its error rule.
     *
     * @return the failures
     * @throws Fatal when the topic is fatal and a required plugin failed
     */
    List<Failure> call(String topic, Args args) {
        List<Failure> failures = dispatch(topic, args);
        if (failures.isEmpty()) {
            return failures;
        }
        ShellLogger log = shell.logger();
        if (TopicRule.of(topic) == TopicRule.FATAL) {
            List<Failure> required = new ArrayList<>();
            for (Failure f : failures) {
                if (f.plugin().optional()) {
                    log.log(null, LogLevel.WARN, f.describe() + " (optional plugin: job goes on)");
                } else {
                    required.add(f);
                }
            }
            if (!required.isEmpty()) {
                throw shell.fatal(1, required.stream().map(Failure::describe).collect(Collectors.joining("; ")));
            }
        } else {
            for (Failure f : failures) {
                log.log(null, LogLevel.ERROR, f.describe());
            }
        }
        return failures;
    }

    /** Calls a topic without applying a rule (shell.log: the logger reports failures itself). */
    List<Failure> dispatch(String topic, Args args) {
        if (shell.abandoned()) {
            throw new Fatal("shell abandoned");
        }
        List<Failure> failures = dispatcher.call(topic, args);
        JobRun job = shell.job();
        job.bridge().post(topic, job, shell.rank(), shell.currentTask());
        ShellLogger log = shell.logger();
        for (Failure f : failures) {
            if (f.error() != null && !(f.error() instanceof ShellException) && log.enabled(LogLevel.DEBUG)) {
                log.log(null, LogLevel.DEBUG, f.describe() + " at " + firstFrame(f.error()));
            }
        }
        return failures;
    }

    private static String firstFrame(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return st.length == 0 ? "?" : st[0].toString();
    }
}
