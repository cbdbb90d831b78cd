package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jobshell.api.Args;
import org.jobshell.api.LogLevel;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellInfo;
import org.jobshell.api.Task;
import org.jobshell.api.TaskState;
import org.jobshell.api.Topics;
import org.jobshell.core.launch.Signals;
import org.jobshell.core.launch.SpawnException;
import org.jobshell.core.launch.SpawnRequest;
import org.jobshell.core.launch.Spawned;
import org.jobshell.core.stack.AttachedPlugin;
import org.jobshell.core.stack.Dispatcher;
import org.jobshell.core.stack.Failure;
import org.jobshell.core.stack.Fatal;
import org.jobshell.core.stack.PluginEntry;
import org.jobshell.core.stack.PluginStack;
import org.jobshell.core.stack.Watchdog;

/**
 * One shell of a job, run on its own thread: attaches the plugins, creates the tasks and walks the
 * reference's lifecycle (shell.init, shell.post-init, per task task.init / task.exec / spawn /
 * task.fork, shell.start, then the main loop with task.exit and shell.finish, and shell.exit),
 * applying each topic's error rule.
 */
final class ShellRun implements Watchdog.Target, TaskRecord.Owner {

    private static final String TASKS_COMPLETE = "shell.tasks-complete";

    private final JobRun job;
    private final int rank;
    private final PluginStack stack = new PluginStack();
    private final Dispatcher dispatcher;
    private final JobOptions options;
    private final EnvironmentMap environment;
    private final ShellLogger logger;
    private final List<TaskRecord> tasks = new ArrayList<>();
    private final ShellLoop loop = new ShellLoop();
    private final ShellServices services;
    private final TopicCalls topics;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private final ShellInfo info;
    private final int verbose;
    private String verboseProblem;
    private volatile Thread thread;
    private Path cwd;
    private volatile TaskRecord current;
    private volatile boolean stackReady;
    private volatile boolean fatal;
    private volatile boolean abandoned;
    private int fatalCode;
    private int exitedTasks;
    private boolean shellExitFailed;

    ShellRun(JobRun job, int rank) {
        this.job = job;
        this.rank = rank;
        this.dispatcher = new Dispatcher(stack, this::dropped);
        this.services = new ShellServices(rank, loop);
        this.topics = new TopicCalls(this, dispatcher);
        Jobspec spec = job.jobspec();
        this.options = new JobOptions(spec.options());
        this.environment = new EnvironmentMap(spec.environment());
        int verbose = 0;
        try {
            verbose = options.getInt("verbose", 0);
        } catch (ShellException e) {
            verboseProblem = e.getMessage(); // reported as fatal once the shell runs
        }
        this.verbose = verbose;
        this.logger = new ShellLogger(this, verbose);
        this.cwd = job.cwd();
        this.info = new ShellInfoRecord(job.jobId(), job.id(), rank, job.layout().shells(), job.layout().totalTasks(),
                spec.json(), job.resourcesJson(), job.directory(), job.cwd());
    }

    // ---- lifecycle ------------------------------------------------------------------------

    void start() {
        Thread t = new Thread(this::run, "jobshell-" + job.id() + "-shell-" + rank);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    CompletableFuture<Integer> done() {
        return done;
    }

    private void run() {
        job.watchdog().watch(this);
        try {
            lifecycle();
        } catch (Fatal f) {
            // logged where it was raised
        } catch (Throwable t) {
            fatal(1, "internal error: " + Dispatcher.messageOf(t));
        }
        try {
            if (!abandoned) {
                if (!loop.ended()) {
                    mainLoop(); // after a fatal error: until the killed tasks are gone
                }
                callShellExit();
            }
        } catch (Fatal f) {
            // logged where it was raised
        } catch (Throwable t) {
            fatal(1, "internal error at exit: " + Dispatcher.messageOf(t));
        } finally {
            job.watchdog().unwatch(this);
            done.complete(exitCode());
        }
    }

    private void lifecycle() {
        checkVerbose();
        if (!Files.isDirectory(job.cwd())) {
            logger.log(null, LogLevel.ERROR, "host " + job.hostname() + ": Could not change dir to " + job.cwd()
                    + ": No such directory. Going to /tmp instead");
            cwd = Path.of("/tmp");
        }
        attachPlugins();
        createTasks();
        callFatal(Topics.SHELL_INIT);
        job.exchange().barrier("init", rank);
        if (rank == 0) {
            ObjectNode ctx = JsonNodeFactory.instance.objectNode();
            ctx.put("service", job.serviceName());
            ctx.put("leader-rank", 0);
            ctx.put("size", job.layout().shells());
            job.eventlog("exec").append("shell.init", services.withEventContext("shell.init", ctx));
        }
        callFatal(Topics.SHELL_POST_INIT);
        for (TaskRecord t : tasks) {
            startTask(t);
        }
        callFatal(Topics.SHELL_START);
        job.exchange().barrier("start", rank);
        if (rank == 0) {
            ObjectNode ctx = JsonNodeFactory.instance.objectNode();
            ctx.set("taskmap", job.layout().taskmap());
            job.eventlog("exec").append("shell.start", services.withEventContext("shell.start", ctx));
            loop.hold(TASKS_COMPLETE);
        }
        mainLoop();
    }

    private void checkVerbose() {
        if (verboseProblem != null) {
            throw fatal(1, verboseProblem);
        }
        if (verbose > 2) {
            logger.log(null, LogLevel.WARN, "verbose=" + verbose + " is more than 2: using 2");
        }
    }

    private void attachPlugins() {
        for (PluginEntry e : job.plugins().active()) {
            AttachedPlugin plugin = new AttachedPlugin(e.name(), e, e.optional(), new ShellView(this, e.name()), null);
            try {
                e.plugin().attach(plugin);
            } catch (Throwable t) {
                String msg = "plugin '" + e.name() + "': attach failed: " + Dispatcher.messageOf(t) + " (" + e.describe()
                        + ")";
                if (e.optional()) {
                    logger.log(null, LogLevel.WARN, msg + "; optional plugin skipped");
                    continue;
                }
                throw fatal(1, msg);
            }
            stack.push(plugin);
        }
        stackReady = true;
    }

    private void createTasks() {
        environment.set("JOBSHELL_JOB_ID", job.id());
        environment.set("JOBSHELL_JOB_SIZE", Integer.toString(job.layout().totalTasks()));
        environment.set("JOBSHELL_JOB_NNODES", Integer.toString(job.layout().shells()));
        environment.set("JOBSHELL_SHELL_RANK", Integer.toString(rank));
        if (environment.get("HOSTNAME") != null) {
            environment.set("HOSTNAME", job.hostname());
        }
        int first = job.layout().first(rank);
        int count = job.layout().count(rank);
        for (int i = 0; i < count; i++) {
            EnvironmentMap taskEnv = new EnvironmentMap(environment.toMap());
            taskEnv.set("JOBSHELL_TASK_RANK", Integer.toString(first + i));
            taskEnv.set("JOBSHELL_TASK_LOCAL_ID", Integer.toString(i));
            environment.link(taskEnv);
            tasks.add(new TaskRecord(first + i, i, new LaunchSpec(job.jobspec().command(), taskEnv, cwd), this));
        }
    }

    private void startTask(TaskRecord t) {
        current = t;
        try {
            callFatal(Topics.TASK_INIT);
            t.state(TaskState.EXEC);
            call(Topics.TASK_EXEC, new Args());
            LaunchSpec launch = t.launchSpec();
            launch.markStarted();
            SpawnRequest request = new SpawnRequest(launch.commandLine(), launch.environment().toMap(), launch.cwd(),
                    launch.cpus(), launch.inherited(), t);
            Spawned spawned;
            try {
                spawned = job.launcher().spawn(request);
            } catch (SpawnException e) {
                t.failed();
                throw fatal(e.exitCode(), "task " + t.rank() + " (host " + job.hostname() + "): start failed: "
                        + launch.commandLine().get(0) + ": " + e.getMessage());
            }
            t.started(spawned.pid());
            loop.taskStarted();
            loop.hold("task" + t.rank());
            callFatal(Topics.TASK_FORK);
        } finally {
            current = null;
        }
    }

    private void mainLoop() {
        loop.run(() -> fatal, () -> abandoned, this::loopError);
    }

    private void loopError(Throwable t) {
        if (!(t instanceof Fatal)) { // a fatal error was logged where it was raised
            logger.log(null, LogLevel.ERROR, "internal error: " + Dispatcher.messageOf(t));
        }
    }

    @Override
    public void taskCompleted(TaskRecord task) {
        loop.execute(() -> onTaskCompleted(task));
    }

    private void onTaskCompleted(TaskRecord task) {
        if (!fatal) {
            current = task;
            try {
                call(Topics.TASK_EXIT, new Args());
            } finally {
                current = null;
            }
            job.taskExited(task);
            exitedTasks++;
            if (exitedTasks == tasks.size()) {
                call(Topics.SHELL_FINISH, new Args());
                job.exchange().shellFinished(rank);
            }
        }
        loop.taskGone();
        loop.release("task" + task.rank());
    }

    /** On the leader, once every shell reached shell.finish. */
    void tasksComplete() {
        loop.execute(() -> {
            if (!fatal) {
                call(TASKS_COMPLETE, new Args());
            }
            loop.release(TASKS_COMPLETE);
        });
    }

    private void callShellExit() {
        if (!stackReady) {
            return;
        }
        List<Failure> failures = call(Topics.SHELL_EXIT, new Args());
        shellExitFailed = !failures.isEmpty();
    }

    private int exitCode() {
        if (fatal) {
            return Math.max(1, fatalCode);
        }
        int code = shellExitFailed ? 1 : 0;
        for (TaskRecord t : tasks) {
            code = Math.max(code, Math.max(0, t.exitCode()));
        }
        return code;
    }

    // ---- topic calls ----------------------------------------------------------------------

    private List<Failure> call(String topic, Args args) {
        return topics.call(topic, args);
    }

    private void callFatal(String topic) {
        topics.call(topic, new Args());
    }

    /** A custom topic from a plugin: failures are logged and returned to the caller. */
    boolean callCustom(String topic, Args args) {
        return topics.call(topic, args).isEmpty();
    }

    /** shell.log: failures are reported by the logger itself. */
    boolean callQuietly(String topic, Args args) {
        return topics.dispatch(topic, args).isEmpty();
    }

    private void dropped(AttachedPlugin plugin, String topic) {
        String what = "plugin '" + plugin.name() + "': " + plugin.source().describe()
                + " went away during the job; its remaining callbacks are dropped (first: " + topic + ")";
        logger.log(null, LogLevel.WARN, what);
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        ctx.put("plugin", plugin.name());
        ctx.put("source", plugin.source().describe());
        ctx.put("shell_rank", rank);
        job.eventlog("exec").append("plugin-dropped", ctx);
    }

    // ---- fatal errors ---------------------------------------------------------------------

    /**
     * Fails the job: logs FATAL, raises the job exception (which kills every task), and returns
     * the exception the caller throws to unwind.
     */
    Fatal fatal(int code, String message) {
        boolean first;
        synchronized (this) {
            first = !fatal;
            if (first) {
                fatal = true;
                fatalCode = code;
            }
        }
        if (first) {
            logger.log(null, LogLevel.FATAL, message);
            job.raise(rank, code, message);
        }
        return new Fatal(message);
    }

    /** The job failed elsewhere: stop calling topics here, without a second message. */
    void aborted() {
        synchronized (this) {
            if (!fatal) {
                fatal = true;
                fatalCode = 1;
            }
        }
    }

    @Override
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public void slow(AttachedPlugin plugin, String topic, long elapsedMillis) {
        logger.log(null, LogLevel.WARN, "plugin '" + plugin.name() + "': " + topic + " has been running for "
                + elapsedMillis + " ms (" + plugin.source().describe() + ")");
    }

    @Override
    public void stuck(AttachedPlugin plugin, String topic, long elapsedMillis) {
        fatal(1, "plugin '" + plugin.name() + "': " + topic + " did not return within " + elapsedMillis + " ms ("
                + plugin.source().describe() + ")");
        abandoned = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        done.complete(exitCode());
    }

    @Override
    public void listenerFailed(TaskRecord task, String message) {
        logger.log(null, LogLevel.ERROR, "task " + task.rank() + ": " + message);
    }

    // ---- services for the shell view ------------------------------------------------------

    void killAll(int signal) {
        List<Long> pids = new ArrayList<>();
        for (TaskRecord t : tasks) {
            if (t.state() == TaskState.RUNNING && t.pid() > 0) {
                pids.add(t.pid());
            }
        }
        Signals.sendToTrees(pids, signal);
    }

    ShellLoop loop() {
        return loop;
    }

    ShellServices services() {
        return services;
    }

    void requireLeader(String what) {
        if (rank != 0) {
            throw new IllegalStateException("only the leader shell (rank 0) has " + what + "; this is shell " + rank);
        }
    }

    boolean onShellThread() {
        return Thread.currentThread() == thread;
    }

    boolean stackReady() {
        return stackReady;
    }

    boolean abandoned() {
        return abandoned;
    }

    // ---- accessors --------------------------------------------------------------------------

    int rank() {
        return rank;
    }

    JobRun job() {
        return job;
    }

    ShellInfo info() {
        return info;
    }

    JobOptions options() {
        return options;
    }

    EnvironmentMap environment() {
        return environment;
    }

    ShellLogger logger() {
        return logger;
    }

    PluginStack stack() {
        return stack;
    }

    List<Task> tasks() {
        return Collections.unmodifiableList(new ArrayList<>(tasks));
    }

    Task currentTask() {
        return current;
    }

}
