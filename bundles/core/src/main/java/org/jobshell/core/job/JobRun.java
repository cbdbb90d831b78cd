package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jobshell.api.Eventlog;
import org.jobshell.api.RankInfo;
import org.jobshell.api.admin.Job;
import org.jobshell.core.launch.Signals;
import org.jobshell.core.launch.TaskLauncher;
import org.jobshell.core.stack.PluginSnapshot;
import org.jobshell.core.stack.Watchdog;
import org.jobshell.api.Idset;

/**
 * A running job: its shells, its directory and eventlogs, and what the execution system does for
 * it (the first exception kills every task; the exit code is the first fatal error's code, else the
 * largest shell exit code).
 */
final class JobRun implements Job {

    /** What a job needs from the container. */
    record Container(TaskLauncher launcher, Watchdog watchdog, EventBridge bridge, String hostname, long uid) {
    }

    private final long jobId;
    private final String id;
    private final Jobspec jobspec;
    private final Resources resources;
    private final JsonNode resourcesJson;
    private final TaskLayout layout;
    private final JobDirectory directory;
    private final JobTerminal terminal;
    private final PluginSnapshot plugins;
    private final Container container;
    private final Path cwd;
    private final List<ShellRun> shells = new ArrayList<>();
    private final LocalExchange exchange;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private boolean raised;
    private int raisedCode;
    private boolean firstExitPosted;

    JobRun(long jobId, Jobspec jobspec, Resources resources, JobDirectory directory, JobTerminal terminal,
            PluginSnapshot plugins, Container container, Path cwd) {
        this.jobId = jobId;
        this.id = directory.id();
        this.jobspec = jobspec;
        this.resources = resources;
        this.resourcesJson = resources.toJson();
        this.layout = new TaskLayout(jobspec.totalTasks(), resources.ranks().size());
        this.directory = directory;
        this.terminal = terminal;
        this.plugins = plugins;
        this.container = container;
        this.cwd = cwd;
        for (int r = 0; r < layout.shells(); r++) {
            shells.add(new ShellRun(this, r));
        }
        this.exchange = new LocalExchange(shells);
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
        for (ShellRun s : shells) {
            s.start();
        }
    }

    private void finish(List<CompletableFuture<Integer>> done) {
        int code = 0;
        for (CompletableFuture<Integer> d : done) {
            code = Math.max(code, d.join());
        }
        synchronized (this) {
            if (raised) {
                code = raisedCode;
            }
        }
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        ctx.put("status", (code & 0xff) << 8);
        ctx.put("exitcode", code);
        directory.exec().append("complete", ctx);
        directory.exec().append("done", null);
        directory.close();
        exitCode.complete(code);
    }

    /**
     * The job's exception: recorded once, then every task of every shell is killed and waiting
     * shells are released.
     */
    void raise(int shellRank, int code, String message) {
        synchronized (this) {
            if (raised) {
                return;
            }
            raised = true;
            raisedCode = code;
        }
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        ctx.put("type", "exec");
        ctx.put("severity", 0);
        ctx.put("shell_rank", shellRank);
        ctx.put("note", message);
        directory.exec().append("exception", ctx);
        for (ShellRun s : shells) {
            if (s.rank() != shellRank) {
                s.aborted();
            }
            s.killAll(Signals.KILL);
        }
        exchange.abort();
    }

    /**
     * A task ended. The first one of the job is posted to the exec eventlog by the leader, from its
     * main loop: like a report from another shell, it comes after the leader's shell.start.
     */
    void taskExited(TaskRecord task) {
        synchronized (this) {
            if (firstExitPosted) {
                return;
            }
            firstExitPosted = true;
        }
        ObjectNode info = task.toJson();
        shells.get(0).loop().execute(() -> directory.exec().append("shell.task-exit", info));
    }

    RankInfo rankInfo(int rank) {
        if (rank < 0 || rank >= layout.shells()) {
            throw new IllegalArgumentException("no shell rank " + rank + " in a job of " + layout.shells() + " shells");
        }
        Resources.Rank r = resources.ranks().get(rank);
        BitSet cores = r.cores();
        return new RankInfoRecord(rank, r.host(), layout.count(rank), Idset.encode(layout.taskIds(rank)),
                Idset.encode(cores), cores.cardinality(), Idset.encode(r.gpus()));
    }

    Eventlog eventlog(String name) {
        switch (name) {
            case "exec":
                return directory.exec();
            case "output":
                return directory.output();
            default:
                throw new IllegalArgumentException("no eventlog '" + name + "': there are 'exec' and 'output'");
        }
    }

    EventlogFile outputLog() {
        return directory.output();
    }

    @Override
    public String id() {
        return id;
    }

    long jobId() {
        return jobId;
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
    public void kill(int signal) {
        for (ShellRun s : shells) {
            s.killAll(signal);
        }
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

    JobTerminal terminal() {
        return terminal;
    }

    PluginSnapshot plugins() {
        return plugins;
    }

    LocalExchange exchange() {
        return exchange;
    }

    TaskLauncher launcher() {
        return container.launcher();
    }

    Watchdog watchdog() {
        return container.watchdog();
    }

    EventBridge bridge() {
        return container.bridge();
    }

    String hostname() {
        return container.hostname();
    }

    Path cwd() {
        return cwd;
    }
}
