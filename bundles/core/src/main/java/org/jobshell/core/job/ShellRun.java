package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jobshell.api.Args;
import org.jobshell.api.LogLevel;
import org.jobshell.api.TaskState;
import org.jobshell.api.Topics;
import org.jobshell.core.spi.ShellExchange;
import org.jobshell.core.stack.Dispatcher;
import org.jobshell.core.stack.Fatal;

/**
 * One shell of a job, run on its own thread: walks the reference's lifecycle (spec §2.1: attach the
 * plugins, create the tasks, shell.init, the init barrier, shell.post-init, start the tasks,
 * shell.start, the start barrier, the main loop, shell.exit) and ends with the shell's exit code. Its
 * {@link ShellParts} do the work.
 */
final class ShellRun {

    private final JobRun job;
    private final int rank;
    private final ShellParts parts;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private boolean shellExitFailed;

    /**
     * @param job the job
     * @param rank this shell's rank
     * @param exchange the exchange as this shell sees it
     * @param leader the leader's records on rank 0, else null
     */
    ShellRun(JobRun job, int rank, ShellExchange exchange, LeaderRecords leader) {
        this.job = job;
        this.rank = rank;
        this.parts = new ShellParts(job, rank, exchange, leader);
    }

    /** @return what this shell receives through the exchange */
    ShellExchange.Endpoint endpoint() {
        return parts.endpoint();
    }

    void start() {
        Thread t = new Thread(this::run, "jobshell-" + job.id() + "-shell-" + rank);
        t.setDaemon(true);
        parts.runOn(t, () -> done.complete(exitCode()));
        t.start();
    }

    /**
     * Logs a line of the job's, as this shell.
     *
     * @param level its level
     * @param message the line
     */
    void log(LogLevel level, String message) {
        parts.logger().log(null, level, message);
    }

    /** @param signal the job received it: offered to this shell's plugins ({@code shell.signal}) */
    void signal(int signal) {
        parts.requests().signal(signal);
    }

    /** @return completes with the shell's exit code when it has ended */
    CompletableFuture<Integer> done() {
        return done;
    }

    /** @param into gets the pids of this shell's running tasks */
    void pids(List<Long> into) {
        for (TaskRecord t : parts.tasks().records()) {
            if (t.state() == TaskState.RUNNING && t.pid() > 0) {
                into.add(t.pid());
            }
        }
    }

    private int exitCode() {
        ShellTasks tasks = parts.tasks();
        return parts.failure().exitCode(tasks.records(), tasks.cancelledCode(), shellExitFailed);
    }

    private void run() {
        ShellFailure failure = parts.failure();
        try {
            lifecycle();
        } catch (Fatal f) {
            // logged where it was raised
        } catch (Throwable t) {
            failure.fail(1, "internal error: " + Dispatcher.messageOf(t));
        }
        try {
            if (!failure.abandoned()) {
                if (!parts.loop().ended()) {
                    mainLoop(); // after a fatal error: until the killed tasks are gone
                }
                if (parts.plugins().ready()) {
                    shellExitFailed = !parts.topics().call(Topics.SHELL_EXIT).isEmpty();
                }
            }
        } catch (Fatal f) {
            // logged where it was raised
        } catch (Throwable t) {
            failure.fail(1, "internal error at exit: " + Dispatcher.messageOf(t));
        } finally {
            parts.shellCancel().ended();
            parts.tasks().close();
            done.complete(exitCode());
        }
    }

    private void lifecycle() {
        JobOptions.Verbosity verbosity = parts.verbosity();
        if (verbosity.problem() != null) {
            throw parts.failure().fail(1, verbosity.problem());
        }
        if (verbosity.asked() > 2) {
            parts.logger().log(null, LogLevel.WARN, "verbose=" + verbosity.asked() + " is more than 2: using 2");
        }
        Path cwd = job.cwd();
        if (!Files.isDirectory(cwd)) {
            parts.logger().log(null, LogLevel.ERROR, "host " + job.container().hostname() + ": Could not change dir to " + cwd
                    + ": No such directory. Going to /tmp instead");
            cwd = Path.of("/tmp");
        }
        parts.plugins().attachAll(job.plugins());
        if (verbosity.level() > 0) {
            setLogLevel();
        }
        OptionChecks.apply(parts, rank == 0);
        parts.layout(ShellTaskmap.apply(parts.layout(), parts.options(), parts.topics(), parts.failure()));
        parts.tasks().create(new TaskSetup(job.id(), rank, parts.layout(), job.jobspec().command(),
                job.container().hostname()), parts.environment(), cwd);
        TopicCalls topics = parts.topics();
        topics.call(Topics.SHELL_INIT);
        barrier("init");
        if (rank == 0) {
            ObjectNode ctx = JsonNodeFactory.instance.objectNode();
            ctx.put("service", job.serviceName());
            ctx.put("leader-rank", 0);
            ctx.put("size", parts.layout().shells());
            execEvent("shell.init", ctx);
        }
        topics.call(Topics.SHELL_POST_INIT);
        if (rank == 0) {
            parts.logger().log(null, LogLevel.DEBUG, "tasks start with the " + job.container().launchers().chosen().name() + " launcher");
        }
        parts.tasks().startAll();
        topics.call(Topics.SHELL_START);
        barrier("start");
        if (rank == 0) {
            ObjectNode ctx = JsonNodeFactory.instance.objectNode();
            ctx.set("taskmap", parts.layout().taskmap().toJson());
            execEvent("shell.start", ctx);
            parts.tasksComplete().await();
        }
        mainLoop();
    }

    /** {@code -v}: the plugins that show the log (evlog) are told the job's level. */
    private void setLogLevel() {
        ObjectNode level = JsonNodeFactory.instance.objectNode().put("dest", "any").put("level", parts.logger().level());
        parts.topics().call(Topics.SHELL_LOG_SETLEVEL, new Args(level));
    }

    private void barrier(String name) {
        try {
            if (!parts.exchange().barrier(name)) {
                throw new Fatal("job failed while shell " + rank + " waited in the " + name + " barrier");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Fatal("shell " + rank + " interrupted in the " + name + " barrier");
        }
    }

    private void execEvent(String name, ObjectNode context) {
        ExecEvents.post(parts.exchange(), name, parts.services().withEventContext(name, context));
    }

    private void mainLoop() {
        ShellFailure failure = parts.failure();
        parts.loop().run(failure::halted, failure::abandoned, t -> {
            if (!(t instanceof Fatal)) { // a fatal error was logged where it was raised
                parts.logger().log(null, LogLevel.ERROR, "internal error: " + Dispatcher.messageOf(t));
            }
        });
    }
}
