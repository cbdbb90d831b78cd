package org.jobshell.core.job;

import org.jobshell.api.LogLevel;
import org.jobshell.api.RankInfo;
import org.jobshell.api.ShellInfo;
import org.jobshell.core.spi.ShellExchange;
import org.jobshell.core.stack.Dispatcher;
import org.jobshell.core.stack.PluginCalls;
import org.jobshell.core.stack.PluginStack;

/**
 * The parts of one shell, wired once: options, environment, loop, log, failure state, topic calls,
 * tasks, plugins and services. What {@link ShellRun}'s lifecycle drives and what plugins reach
 * through their views ({@link ShellScope}).
 */
final class ShellParts implements ShellScope, LeaderRecords.LeaderShell {

    private final JobRun job;
    private final int rank;
    private final ShellExchange exchange;
    private final LeaderRecords leader;
    private final PluginStack stack = new PluginStack();
    private final PluginCalls calls;
    private final JobOptions options;
    private final EnvironmentMap environment;
    private final ShellLoop loop;
    private final ShellServices services;
    private final ShellLogger logger;
    private final ShellFailure failure;
    private final TopicCalls topics;
    private final ShellTasks tasks;
    private final ShellRequests requests;
    private final ShellCancel cancel;
    private final TasksComplete tasksComplete;
    private final ShellPlugins plugins;
    private final Mustache mustache;
    private volatile ShellInfoRecord info;
    private volatile TaskLayout layout;
    private final JobOptions.Verbosity verbosity;
    private volatile Thread thread;
    private volatile Runnable onAbandon = () -> { };

    /**
     * @param job the job
     * @param rank this shell's rank
     * @param exchange the exchange as this shell sees it
     * @param leader the leader's records on rank 0, else null
     */
    ShellParts(JobRun job, int rank, ShellExchange exchange, LeaderRecords leader) {
        this.job = job;
        this.rank = rank;
        this.exchange = exchange;
        this.leader = leader;
        this.calls = new PluginCalls(job.container().watchdog());
        this.loop = new ShellLoop(job.container().times().drainMillis());
        this.options = new JobOptions(job.jobspec().options());
        this.environment = new EnvironmentMap(job.jobspec().environment());
        this.verbosity = options.verbosity();
        this.services = new ShellServices(rank, loop, calls);
        this.logger = new ShellLogger(verbosity.level(), exchange);
        this.failure = new ShellFailure(logger, exchange);
        this.topics = new TopicCalls(new Dispatcher(stack, calls), logger, failure, topic -> {
            job.container().bridge().post(topic, job.id(), rank, tasks().current());
            tasksComplete().called(topic);
        });
        this.mustache = new Mustache(this);
        this.tasks = new ShellTasks(new ShellLauncher(job.container().launchers(),
                line -> logger.log(null, LogLevel.DEBUG, line)), topics, failure, loop, exchange, calls, mustache, logger,
                job.leftovers());
        this.requests = new ShellRequests(loop, topics, tasks);
        this.cancel = new ShellCancel(tasks, job.container().timer(), job.container().times().killGraceMillis());
        this.tasksComplete = new TasksComplete(topics, failure, loop);
        this.plugins = new ShellPlugins(this, rank);
        this.logger.offerTo(topics, () -> Thread.currentThread() == thread && plugins.ready());
        this.layout = job.layout();
        this.info = new ShellInfoRecord(job.jobId(), job.id(), rank, layout.shells(), layout.totalTasks(),
                job.jobspec().json(), job.resourcesJson(), job.directory(), job.cwd(), layout.taskmap());
        if (leader != null) {
            leader.leader(this);
        }
    }

    /**
     * @param shellThread the shell's thread
     * @param abandoned run when a plugin holds that thread and ignores interrupts
     */
    void runOn(Thread shellThread, Runnable abandoned) {
        this.thread = shellThread;
        this.onAbandon = abandoned;
    }

    /** @return what this shell receives through the exchange */
    ShellExchange.Endpoint endpoint() {
        return new ShellEndpoint(this, requests, leader);
    }

    /** @return the verbose option, read before any plugin */
    JobOptions.Verbosity verbosity() {
        return verbosity;
    }

    /** @return which shell runs which tasks, as this shell has it */
    TaskLayout layout() {
        return layout;
    }

    /** @param applied the layout after the task map was applied (before the tasks are created) */
    void layout(TaskLayout applied) {
        this.layout = applied;
        this.info = info.withTaskmap(applied.taskmap());
    }

    /** @return the plugins of this shell */
    ShellPlugins plugins() {
        return plugins;
    }

    @Override
    public void abandon(Thread stuck) {
        if (stuck == thread) {
            failure.abandon();
            stuck.interrupt();
            onAbandon.run();
        }
    }

    @Override
    public void execute(Runnable action) {
        loop.execute(action);
    }

    @Override
    public void shellFinished(int shellRank, boolean last) {
        loop.execute(() -> tasksComplete.finished(shellRank, last));
    }

    /** @return on the leader, the end of the job's tasks */
    TasksComplete tasksComplete() {
        return tasksComplete;
    }

    /** @return kill requests and received signals for this shell's tasks */
    ShellRequests requests() {
        return requests;
    }

    @Override
    public void recordsFailed(String message) {
        failure.fail(1, message);
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
        return job.rankInfo(layout, shellRank);
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
    public ShellCancel shellCancel() {
        return cancel;
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
    public Mustache mustache() {
        return mustache;
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
