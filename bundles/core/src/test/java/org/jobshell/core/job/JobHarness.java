package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jobshell.api.OutputListener;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Task;
import org.jobshell.api.TaskStream;
import org.jobshell.core.launch.Orphans;
import org.jobshell.core.launch.ProcessBuilderLauncher;
import org.jobshell.core.stack.PluginEntry;
import org.jobshell.core.stack.PluginSnapshot;
import org.jobshell.core.stack.Watchdog;
import org.jobshell.core.util.CpuSets;
import org.jobshell.core.util.JobIds;

/**
 * Runs real jobs (real processes) in the core without OSGi: plugins are lambdas, the terminal is
 * in memory, and every task's output is captured per task rank by a built-in capture plugin.
 */
final class JobHarness implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path var;
    /** After a shell's last task exited, how long what it started may hold its output. */
    static final long ORPHAN_GRACE_MILLIS = 500;

    private final ProcessBuilderLauncher launcher = new ProcessBuilderLauncher();
    private final Orphans orphans = new Orphans();
    private final Watchdog watchdog;
    private final List<PluginEntry> plugins = new ArrayList<>();
    private final JobIds ids = new JobIds(1);
    private long nextServiceId = 1;

    /** Task output per "rank:stream". */
    final Map<String, StringBuffer> output = new ConcurrentHashMap<>();

    /** After a fatal error, how long shells wait for their killed tasks. */
    private long drainMillis = ShellLoop.DRAIN_MILLIS;
    /** After a cancel, how long tasks may take before SIGKILL. */
    private long killGraceMillis = 5_000;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    JobHarness(Path var, long warnMillis, long failMillis) {
        this.var = var;
        this.watchdog = new Watchdog(10, warnMillis, failMillis);
        plugin("capture", 1, false, p -> p.handle("task.init", (s, t, a) -> {
            Task task = s.currentTask();
            for (TaskStream stream : TaskStream.values()) {
                task.subscribe(stream, new Capture());
            }
        }));
    }

    JobHarness(Path var) {
        this(var, 10_000, 60_000);
    }

    /**
     * @param millis how long shells wait for killed tasks after a fatal error: a test that must end
     *     well before the drain sets it far above its own timeout, so that waiting it out fails
     */
    void drainMillis(long millis) {
        drainMillis = millis;
    }

    /** @param millis after a cancel, how long tasks may take to end before SIGKILL */
    void killGraceMillis(long millis) {
        killGraceMillis = millis;
    }

    /** Adds a plugin service. */
    PluginEntry plugin(String name, int ranking, boolean optional, ShellPlugin plugin) {
        PluginEntry e = new PluginEntry(name, ranking, nextServiceId++, optional, "test." + name, "1.0.0", plugin, null);
        plugins.add(e);
        return e;
    }

    /** Starts a job and returns at once. */
    JobRun start(ObjectNode jobspec, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        Jobspec spec = Jobspec.parse(jobspec);
        Resources r = Resources.local(spec, "testhost", CpuSets.allowed());
        JobDirectory dir = JobDirectory.create(var.resolve("jobs"), ids, spec.json(), r.toJson(), spec.totalTasks(),
                MAPPER);
        JobRun job = new JobRun(dir.jobId(), spec, r, dir, new JobTerminal(out, err), PluginSnapshot.of(plugins),
                new JobContainer(JobLaunchers.only(ProcessBuilderLauncher.NAME, launcher), watchdog, new EventBridge(null), "testhost",
                        1000, MAPPER, timer, new JobTimes(drainMillis, killGraceMillis, ORPHAN_GRACE_MILLIS), orphans),
                Path.of(spec.cwd() == null ? "/tmp" : spec.cwd()), "tester");
        job.start();
        return job;
    }

    /** Runs a job to its end. */
    Result run(ObjectNode jobspec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JobRun job = start(jobspec, out, err);
        return await(job, out, err);
    }

    Result await(JobRun job, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        try {
            int code = job.exitCode().toCompletableFuture().get(60, TimeUnit.SECONDS);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    job.directory());
        } catch (Exception e) {
            fail("job " + job.id() + " did not end: " + e + "\nstderr so far:\n" + err);
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until a task's captured stdout is exactly {@code text} (at most 60 s).
     *
     * @param rank the task
     * @param text what it printed
     */
    void awaitOutput(int rank, String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!taskOutput(rank, TaskStream.STDOUT).equals(text)) {
            if (System.nanoTime() > deadline) {
                fail("task " + rank + " never printed " + text);
            }
            Thread.onSpinWait();
        }
    }

    /** @return the captured output of one task stream */
    String taskOutput(int rank, TaskStream stream) {
        StringBuffer b = output.get(rank + ":" + stream.label());
        return b == null ? "" : b.toString();
    }

    /** A jobspec running {@code command} as {@code ntasks} tasks on {@code nnodes} shells, env: PATH only. */
    static ObjectNode jobspec(int ntasks, int nnodes, String... command) {
        ObjectNode spec = MAPPER.createObjectNode();
        spec.put("version", 1);
        ObjectNode node = spec.putArray("resources").addObject();
        node.put("type", "node").put("count", nnodes);
        ObjectNode slot = node.putArray("with").addObject();
        slot.put("type", "slot").put("count", (ntasks + nnodes - 1) / nnodes).put("label", "task");
        slot.putArray("with").addObject().put("type", "core").put("count", 1);
        ObjectNode task = spec.putArray("tasks").addObject();
        for (String c : command) {
            task.withArray("command").add(c);
        }
        task.put("slot", "task");
        task.putObject("count").put("total", ntasks);
        ObjectNode system = spec.putObject("attributes").putObject("system");
        system.put("cwd", "/tmp");
        system.putObject("environment").put("PATH", "/usr/local/bin:/usr/bin:/bin");
        system.putObject("shell").putObject("options");
        return spec;
    }

    static ObjectNode options(ObjectNode jobspec) {
        return (ObjectNode) jobspec.path("attributes").path("system").path("shell").path("options");
    }

    @Override
    public void close() {
        launcher.close();
        watchdog.close();
        timer.shutdownNow();
        orphans.close();
    }

    /**
     * The outcome of a job.
     *
     * @param exitCode the job's exit code
     * @param stdout the terminal's stdout
     * @param stderr the terminal's stderr
     * @param dir the job directory
     */
    record Result(int exitCode, String stdout, String stderr, Path dir) {

        /** @return the events of an eventlog, in order */
        List<JsonNode> events(String name) {
            try {
                List<JsonNode> events = new ArrayList<>();
                for (String line : Files.readAllLines(dir.resolve(name + ".eventlog"))) {
                    events.add(MAPPER.readTree(line));
                }
                return events;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** @return the names of an eventlog's events, in order */
        List<String> eventNames(String name) {
            return events(name).stream().map(e -> e.get("name").asText()).collect(Collectors.toList());
        }

        /** @return the stderr lines */
        List<String> errorLines() {
            return stderr.isEmpty() ? List.of() : List.of(stderr.split("\n"));
        }
    }

    private final class Capture implements OutputListener {
        @Override
        public void data(Task task, TaskStream stream, ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            output.computeIfAbsent(task.rank() + ":" + stream.label(), k -> new StringBuffer())
                    .append(new String(b, StandardCharsets.UTF_8));
        }

        @Override
        public void eof(Task task, TaskStream stream) {
            output.computeIfAbsent(task.rank() + ":" + stream.label(), k -> new StringBuffer());
        }
    }
}
