package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.jobshell.api.LogLevel;
import org.jobshell.api.RankInfo;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellInfo;
import org.jobshell.api.Topics;
import org.jobshell.core.spi.LeaderMessage;
import org.jobshell.core.spi.ShellExchange;
import org.jobshell.core.stack.Dispatcher;
import org.jobshell.core.stack.Fatal;
import org.jobshell.core.stack.PluginCalls;
import org.jobshell.core.stack.PluginStack;

/**
 * One shell of a job, run on its own thread: walks the reference's lifecycle (attach the plugins,
 * create the tasks, shell.init, the init barrier, shell.post-init, start the tasks, shell.start, the
 * start barrier, the main loop, shell.exit) and ends with the shell's exit code. The parts it wires
 * do the work: {@link ShellPlugins}, {@link ShellTasks}, {@link TopicCalls}, {@link ShellFailure}.
 */
final class ShellRun implements ShellScope, LeaderRecords.LeaderShell {

    private final JobRun job;
    private final int rank;
    private final ShellExchange exchange;
    private final LeaderRecords leader;
    private final PluginStack stack = new PluginStack();
    private final PluginCalls calls;
    private final JobOptions options;
    private final EnvironmentMap environment;
    private final ShellLoop loop = new ShellLoop();
    private final ShellServices services;
    private final ShellLogger logger;
    private final ShellFailure failure;
    private final TopicCalls topics;
    private final ShellTasks tasks;
    private final ShellPlugins plugins;
    private final ShellInfo info;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private volatile Thread thread;
    private String verboseProblem;
    private int verbose;
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
        this.exchange = exchange;
        this.leader = leader;
        this.calls = new PluginCalls(job.watchdog());
        this.options = new JobOptions(job.jobspec().options());
        this.environment = new EnvironmentMap(job.jobspec().environment());
        readVerbose();
        this.services = new ShellServices(rank, loop, calls);
        this.logger = new ShellLogger(verbose, exchange);
        this.failure = new ShellFailure(logger, exchange);
        this.topics = new TopicCalls(new Dispatcher(stack, calls), logger, failure,
                topic -> job.bridge().post(topic, job.id(), rank, tasks().current()));
        this.tasks = new ShellTasks(job.launcher(), topics, failure, loop, exchange, calls);
        this.plugins = new ShellPlugins(this, rank);
        this.logger.offerTo(topics, () -> Thread.currentThread() == thread && plugins.ready());
        this.info = new ShellInfoRecord(job.jobId(), job.id(), rank, job.layout().shells(), job.layout().totalTasks(),
                job.jobspec().json(), job.resourcesJson(), job.directory(), job.cwd());
        if (leader != null) {
            leader.leader(this);
        }
    }

    private void readVerbose() {
        try {
            verbose = options.getInt("verbose", 0);
        } catch (ShellException e) {
            verboseProblem = e.getMessage(); // reported as fatal once the shell runs
        }
    }

    /** @return what this shell receives through the exchange */
    ShellExchange.Endpoint endpoint() {
        return new ShellEndpoint(this, leader);
    }

    void start() {
        Thread t = new Thread(this::run, "jobshell-" + job.id() + "-shell-" + rank);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** @return completes with the shell's exit code when it has ended */
    CompletableFuture<Integer> done() {
        return done;
    }

    private void run() {
        try {
            lifecycle();
        } catch (Fatal f) {
            // logged where it was raised
        } catch (Throwable t) {
            failure.fail(1, "internal error: " + Dispatcher.messageOf(t));
        }
        try {
            if (!failure.abandoned()) {
                if (!loop.ended()) {
                    mainLoop(); // after a fatal error: until the killed tasks are gone
                }
                if (plugins.ready()) {
                    shellExitFailed = !topics.call(Topics.SHELL_EXIT).isEmpty();
                }
            }
        } catch (Fatal f) {
            // logged where it was raised
        } catch (Throwable t) {
            failure.fail(1, "internal error at exit: " + Dispatcher.messageOf(t));
        } finally {
            done.complete(failure.exitCode(tasks.records(), shellExitFailed));
        }
    }

    private void lifecycle() {
        if (verboseProblem != null) {
            throw failure.fail(1, verboseProblem);
        }
        if (verbose > 2) {
            logger.log(null, LogLevel.WARN, "verbose=" + verbose + " is more than 2: using 2");
        }
        Path cwd = job.cwd();
        if (!Files.isDirectory(cwd)) {
            logger.log(null, LogLevel.ERROR, "host " + job.hostname() + ": Could not change dir to " + cwd
                    + ": No such directory. Going to /tmp instead");
            cwd = Path.of("/tmp");
        }
        plugins.attachAll(job.plugins());
        setJobEnvironment();
        tasks.create(new ShellTasks.Setup(job.layout().first(rank), job.layout().count(rank),
                job.jobspec().command(), job.hostname()), environment, cwd);
        topics.call(Topics.SHELL_INIT);
        barrier("init");
        if (rank == 0) {
            ObjectNode ctx = JsonNodeFactory.instance.objectNode();
            ctx.put("service", job.serviceName());
            ctx.put("leader-rank", 0);
            ctx.put("size", job.layout().shells());
            execEvent("shell.init", ctx);
        }
        topics.call(Topics.SHELL_POST_INIT);
        tasks.startAll();
        topics.call(Topics.SHELL_START);
        barrier("start");
        if (rank == 0) {
            ObjectNode ctx = JsonNodeFactory.instance.objectNode();
            ctx.set("taskmap", job.layout().taskmap());
            execEvent("shell.start", ctx);
            loop.hold(Topics.SHELL_TASKS_COMPLETE);
        }
        mainLoop();
    }

    private void setJobEnvironment() {
        environment.set("JOBSHELL_JOB_ID", job.id());
        environment.set("JOBSHELL_JOB_SIZE", Integer.toString(job.layout().totalTasks()));
        environment.set("JOBSHELL_JOB_NNODES", Integer.toString(job.layout().shells()));
        environment.set("JOBSHELL_SHELL_RANK", Integer.toString(rank));
        if (environment.get("HOSTNAME") != null) {
            environment.set("HOSTNAME", job.hostname());
        }
    }

    private void barrier(String name) {
        try {
            if (!exchange.barrier(name)) {
                throw new Fatal("job failed while shell " + rank + " waited in the " + name + " barrier");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Fatal("shell " + rank + " interrupted in the " + name + " barrier");
        }
    }

    private void execEvent(String name, ObjectNode context) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("eventlog", "exec");
        event.put("name", name);
        event.set("context", services.withEventContext(name, context));
        exchange.toLeader(LeaderMessage.EVENT, event);
    }

    private void mainLoop() {
        loop.run(failure::halted, failure::abandoned, t -> {
            if (!(t instanceof Fatal)) { // a fatal error was logged where it was raised
                logger.log(null, LogLevel.ERROR, "internal error: " + Dispatcher.messageOf(t));
            }
        });
    }

    @Override
    public void execute(Runnable action) {
        loop.execute(action);
    }

    @Override
    public void tasksComplete() {
        loop.execute(() -> {
            if (!failure.halted()) {
                topics.call(Topics.SHELL_TASKS_COMPLETE);
            }
            loop.release(Topics.SHELL_TASKS_COMPLETE);
        });
    }

    @Override
    public void abandon(Thread stuck) {
        if (stuck == thread) {
            failure.abandon();
            stuck.interrupt();
            done.complete(failure.exitCode(tasks.records(), shellExitFailed));
        }
    }

    @Override
    public LeaderRecords leader(String what) {
        if (leader == null) {
            throw new IllegalStateException("only the leader shell (rank 0) has " + what + "; this is shell " + rank);
        }
        return leader;
    }

    @Override
    public ShellInfo info() {
        return info;
    }

    @Override
    public RankInfo rankInfo(int shellRank) {
        return job.rankInfo(shellRank);
    }

    @Override
    public JobOptions options() {
        return options;
    }

    @Override
    public EnvironmentMap environment() {
        return environment;
    }

    @Override
    public ShellTasks tasks() {
        return tasks;
    }

    @Override
    public ShellLogger logger() {
        return logger;
    }

    @Override
    public TopicCalls topics() {
        return topics;
    }

    @Override
    public ShellFailure failure() {
        return failure;
    }

    @Override
    public ShellServices services() {
        return services;
    }

    @Override
    public ShellLoop loop() {
        return loop;
    }

    @Override
    public ShellExchange exchange() {
        return exchange;
    }

    @Override
    public PluginStack stack() {
        return stack;
    }

    @Override
    public PluginCalls calls() {
        return calls;
    }
}
