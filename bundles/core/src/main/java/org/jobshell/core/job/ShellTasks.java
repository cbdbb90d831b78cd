package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.Args;
import org.jobshell.api.Task;
import org.jobshell.api.TaskState;
import org.jobshell.api.Topics;
import org.jobshell.core.launch.Orphans;
import org.jobshell.core.spi.LeaderMessage;
import org.jobshell.core.spi.ShellExchange;
import org.jobshell.core.spi.SpawnException;
import org.jobshell.core.spi.SpawnRequest;
import org.jobshell.core.spi.Spawned;
import org.jobshell.core.stack.PluginCalls;

/**
 * The tasks of one shell: creates them, starts each through {@code task.init}, {@code task.exec},
 * the launcher and {@code task.fork} (task N+1's {@code task.init} after task N's {@code task.fork}),
 * and on the main loop runs {@code task.exit} as each completes and {@code shell.finish} after the
 * last, telling the leader. The task list is fixed once created, so signals can be sent from any
 * thread at any time.
 */
final class ShellTasks implements TaskRecord.Owner {

    private final ShellLauncher launcher;
    private final TopicCalls topics;
    private final ShellFailure failure;
    private final ShellLoop loop;
    private final ShellExchange exchange;
    private final PluginCalls calls;
    private final Mustache mustache;
    private final SignalReport signals;
    private final Leftovers leftovers;
    private final StartingSignals starting = new StartingSignals();
    private volatile List<TaskRecord> tasks = List.of();
    private volatile TaskRecord current;
    private volatile int cancelSignal;
    private String hostname;
    private int shellRank;
    private int started;
    private int exited;
    private boolean finished;

    ShellTasks(ShellLauncher launcher, TopicCalls topics, ShellFailure failure, ShellLoop loop, ShellExchange exchange,
            PluginCalls calls, Mustache mustache, ShellLogger logger, Leftovers leftovers) {
        this.launcher = launcher;
        this.topics = topics;
        this.failure = failure;
        this.loop = loop;
        this.exchange = exchange;
        this.calls = calls;
        this.mustache = mustache;
        this.signals = new SignalReport(logger);
        this.leftovers = leftovers;
    }

    /**
     * Sets the job's {@code JOBSHELL_*} variables in the job environment (spec §6.6), then creates the
     * tasks (none is started).
     *
     * @param setup the job's part for this shell
     * @param environment the job environment; each task gets a linked copy with its own variables
     * @param cwd the tasks' working directory
     */
    void create(TaskSetup setup, EnvironmentMap environment, Path cwd) {
        hostname = setup.hostname();
        shellRank = setup.shellRank();
        setup.describe(environment);
        environment.set(Orphans.VARIABLE, leftovers.open(launcher.launcher(), setup.jobId(), setup.shellRank(),
                this::outputOpen));
        tasks = setup.tasks(environment, cwd, launcher::checkInheritable, this);
    }

    /**
     * Starts every task in order; stops at the first failure (which fails the job), or when the job
     * failed or was cancelled meanwhile.
     */
    void startAll() {
        for (TaskRecord t : tasks) {
            loop.runRequests(); // a kill or a signal that came meanwhile: it may cancel the rest
            if (failure.halted() || cancelSignal != 0) {
                break;
            }
            start(t);
        }
        starting.startsDone();
        leftovers.startsDone();
        loop.execute(this::finishIfDone); // when no task started (cancelled), shell.finish comes from here
    }

    /**
     * The job is cancelled: no more task starts, and the running ones get the signal. A start in
     * progress completes, and that task is signalled too ({@link StartingSignals}).
     *
     * @param signal the signal
     */
    void cancel(int signal) {
        cancelSignal = signal;
        killAll(signal);
    }

    /**
     * @return the least exit code the tasks give this shell: {@code 128 + signal} when the job was
     *     cancelled before every task started (the others count as killed by it), else 0
     */
    int cancelledCode() {
        int sig = cancelSignal;
        if (sig == 0) {
            return 0;
        }
        for (TaskRecord t : tasks) {
            if (t.state() == TaskState.INIT) {
                return 128 + sig;
            }
        }
        return 0;
    }

    private void start(TaskRecord t) {
        current = t;
        try {
            topics.call(Topics.TASK_INIT);
            mustache.renderAll(t.launchSpec().argv(), t, shellRank);
            t.state(TaskState.EXEC);
            topics.call(Topics.TASK_EXEC);
            LaunchSpec launch = t.launchSpec();
            launch.markStarted();
            leftovers.beforeStart();
            launcher.fix();
            Spawned spawned;
            try {
                spawned = launcher.launcher().spawn(new SpawnRequest(launch.commandLine(), launch.environment().toMap(),
                        launch.cwd(), launch.cpus(), launch.inherited(), t, launch.stdin()));
            } catch (SpawnException e) {
                t.failed();
                throw failure.fail(e.exitCode(), "task " + t.rank() + " (host " + hostname + "): start failed: "
                        + launch.commandLine().get(0) + ": " + e.getMessage());
            }
            List<Integer> missed = starting.started(() -> t.started(spawned));
            leftovers.started();
            started++;
            loop.taskStarted();
            loop.hold("task" + t.rank());
            for (int sig : missed) {
                t.kill(sig); // sent to the job before this task was up (a cancel among them)
            }
            topics.call(Topics.TASK_FORK);
        } finally {
            current = null;
        }
    }

    @Override
    public void taskCompleted(TaskRecord task) {
        if (!loop.execute(() -> completed(task))) {
            loop.taskGone(); // the loop gave up waiting (a failed job's drain ran out)
        }
    }

    private void completed(TaskRecord task) {
        try {
            if (!failure.halted()) {
                current = task;
                try {
                    topics.call(Topics.TASK_EXIT, new Args(task.toJson()));
                } finally {
                    current = null;
                }
                signals.exited(task.rank(), task.status());
                exchange.toLeader(LeaderMessage.TASK_EXIT, task.toJson());
                exited++;
                finishIfDone();
            }
        } finally {
            loop.taskGone();
            loop.release("task" + task.rank());
        }
    }

    @Override
    public void processExited(TaskRecord task) {
        leftovers.exited();
    }

    private boolean outputOpen() {
        return tasks.stream().anyMatch(TaskRecord::outputOpen);
    }

    /** The shell ends: what its tasks started is killed. */
    void close() {
        leftovers.close();
    }

    /** On the main loop: after the last started task's {@code task.exit}, {@code shell.finish}, once. */
    private void finishIfDone() {
        if (finished || exited < started || failure.halted()) {
            return;
        }
        finished = true;
        topics.call(Topics.SHELL_FINISH);
        exchange.toLeader(LeaderMessage.FINISHED, JsonNodeFactory.instance.objectNode());
    }

    /** @param signal a signal for every running task and what it started */
    void killAll(int signal) {
        signal(starting.send(signal, this::running), signal);
    }

    private List<Spawned> running() {
        List<Spawned> running = new ArrayList<>();
        for (TaskRecord t : tasks) {
            Spawned s = t.running();
            if (s != null) {
                running.add(s);
            }
        }
        return running;
    }

    @Override
    public void signal(List<Spawned> processes, int signal) {
        signals.sent(signal);
        if (!processes.isEmpty()) {
            launcher.launcher().signal(processes, signal);
        }
    }

    @Override
    public PluginCalls calls() {
        return calls;
    }

    /** @return the tasks, fixed once created */
    List<TaskRecord> records() {
        return tasks;
    }

    /** @return the tasks in local order */
    List<Task> list() {
        return List.copyOf(tasks);
    }

    /** @return the task of the current {@code task.*} call, or null */
    Task current() {
        return current;
    }
}
