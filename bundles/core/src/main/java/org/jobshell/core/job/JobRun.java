package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntConsumer;
import org.jobshell.api.Fsd;
import org.jobshell.api.Idset;
import org.jobshell.api.LogLevel;
import org.jobshell.api.RankInfo;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobState;
import org.jobshell.core.launch.Signals;
import org.jobshell.core.spi.ShellExchange;
import org.jobshell.core.stack.PluginSnapshot;

/**
 * A running job, as the execution system sees it: its shells and the exchange between them, its
 * directory, and its exit code (the first job exception's code, else the largest shell exit code).
 * Only the leader shell gets the job's terminal and eventlogs ({@link LeaderRecords}); the others
 * reach them through the exchange.
 */
final class JobRun implements Job {

    private final long jobId;
    private final String id;
    private final Jobspec jobspec;
    private final Resources resources;
    private final JsonNode resourcesJson;
    private final TaskLayout layout;
    private final JobDirectory directory;
    private final PluginSnapshot plugins;
    private final JobContainer container;
    private final Path cwd;
    private final LeaderRecords records;
    private final LocalExchange exchange;
    /** how callers outside the job reach its shells' services: as the leader would */
    private final ShellExchange clients;
    private final List<ShellRun> shells = new ArrayList<>();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final String owner;
    private final Instant started = Instant.now();
    private final JobStops stops;
    private volatile IntConsumer finishing = code -> { };

    JobRun(long jobId, Jobspec jobspec, Resources resources, JobDirectory directory, JobTerminal terminal,
            PluginSnapshot plugins, JobContainer container, Path cwd, String owner) {
        this.jobId = jobId;
        this.owner = owner;
        this.id = directory.id();
        this.jobspec = jobspec;
        this.resources = resources;
        this.resourcesJson = resources.toJson();
        this.layout = new TaskLayout(jobspec.totalTasks(), resources.ranks().size());
        this.directory = directory;
        this.plugins = plugins;
        this.container = container;
        this.cwd = cwd;
        this.records = new LeaderRecords(directory, terminal, layout.shells());
        this.exchange = new LocalExchange(layout.shells(), container.mapper());
        this.clients = exchange.forShell(0);
        this.stops = new JobStops(clients, container.timer());
        for (int r = 0; r < layout.shells(); r++) {
            ShellRun shell = new ShellRun(this, r, exchange.forShell(r), r == 0 ? records : null);
            exchange.bind(r, shell.endpoint());
            shells.add(shell);
        }
    }

    /** Starts every shell; the exit code completes when all have ended. */
    void start() {
        directory.exec().append("init", null);
        directory.exec().append("starting", null);
        List<CompletableFuture<Integer>> done = new ArrayList<>();
        for (ShellRun s : shells) {
            done.add(s.done());
        }
        CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> finish(done));
        stops.timeLimit(resources.expiration(), this::expire);
        for (ShellRun s : shells) {
            s.start();
        }
    }

    /** The time limit passed: the leader says so, the job exception is raised, the job is cancelled. */
    private void expire() {
        if (exitCode.isDone()) {
            return;
        }
        String message = TimeLimit.message(Fsd.format(jobspec.duration()));
        shells.get(0).log(LogLevel.FATAL, message);
        records.exception(0, "timeout", TimeLimit.EXIT_CODE, message);
        cancel(Signals.TERM);
    }

    private void finish(List<CompletableFuture<Integer>> done) {
        int code = 0;
        for (CompletableFuture<Integer> d : done) {
            code = Math.max(code, d.join());
        }
        stops.ended();
        Integer raised = records.exceptionCode();
        if (raised != null) {
            code = raised;
        }
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        ctx.put("status", (code & 0xff) << 8);
        ctx.put("exitcode", code);
        directory.exec().append("complete", ctx);
        directory.exec().append("done", null);
        directory.close();
        try {
            finishing.accept(code);
        } catch (RuntimeException e) {
            // the container's notifications never change the job's end
        }
        exitCode.complete(code);
    }

    /**
     * @param shellLayout the task layout as the asking shell has it (after its task map)
     * @param rank a shell rank
     * @return what that shell runs
     */
    RankInfo rankInfo(TaskLayout shellLayout, int rank) {
        if (rank < 0 || rank >= shellLayout.shells()) {
            throw new IllegalArgumentException("no shell rank " + rank + " in a job of " + layout.shells() + " shells");
        }
        Resources.Rank r = resources.ranks().get(rank);
        BitSet cores = r.cores();
        return new RankInfoRecord(rank, r.host(), shellLayout.count(rank), Idset.encode(shellLayout.taskIds(rank)),
                Idset.encode(cores), cores.cardinality(), Idset.encode(r.gpus()));
    }

    @Override
    public String id() {
        return id;
    }

    long jobId() {
        return jobId;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public JobState state() {
        return exitCode.isDone() ? JobState.FINISHED : JobState.RUNNING;
    }

    @Override
    public int ntasks() {
        return jobspec.totalTasks();
    }

    @Override
    public List<String> command() {
        return jobspec.command();
    }

    @Override
    public Instant started() {
        return started;
    }

    @Override
    public Path directory() {
        return directory.path();
    }

    @Override
    public CompletionStage<Integer> exitCode() {
        return exitCode;
    }

    @Override
    public CompletionStage<JsonNode> call(int shellRank, String method, JsonNode request) {
        if (exitCode.isDone()) {
            return FinishedJob.ended(serviceName(), id, method);
        }
        return clients.rpc(shellRank, method, request);
    }

    @Override
    public void kill(int signal) {
        stops.kill(signal);
    }

    @Override
    public void signal(int signal) {
        stops.signalled();
        for (ShellRun s : shells) {
            s.signal(signal);
        }
    }

    /** @param guard asked before each {@link #kill}: throws to refuse it ({@code job.killing}) */
    void guardKills(IntConsumer guard) {
        stops.guard(guard);
    }

    /** @param hook told the exit code just before {@link #exitCode()} completes with it; must not block */
    void onFinishing(IntConsumer hook) {
        finishing = hook;
    }

    /** @return whether a kill, a signal or a cancel reached the job */
    boolean killed() {
        return stops.stopped();
    }

    /** @return the pids of the job's tasks that are running now */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        shells.forEach(s -> s.pids(pids));
        return pids;
    }

    @Override
    public void cancel(int signal) {
        stops.cancel(signal);
    }

    String serviceName() {
        return container.uid() + "-shell-" + id;
    }

    Jobspec jobspec() {
        return jobspec;
    }

    JsonNode resourcesJson() {
        return resourcesJson;
    }

    TaskLayout layout() {
        return layout;
    }

    PluginSnapshot plugins() {
        return plugins;
    }

    Path cwd() {
        return cwd;
    }

    /** @return what the container gives the job: launchers, watchdog, EventAdmin bridge, host name, times */
    JobContainer container() {
        return container;
    }

    /** @return a new shell's tracker of what its tasks leave behind */
    Leftovers leftovers() {
        return new Leftovers(container.orphans(), container.timer(), container.times().orphanGraceMillis());
    }
}
