package org.jobshell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jobshell.api.ShellException;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobRequest;
import org.jobshell.api.admin.JobService;
import org.jobshell.api.admin.PluginInventory;
import org.jobshell.launch.Caller;

/**
 * {@code jobshell run}: builds (or reads) the jobspec, runs the job and returns its exit code.
 * Signals are passed on to the job, whose plugins decide what they do; a second SIGINT within two
 * seconds kills it.
 */
final class RunCommand {

    private static final int SIGINT = 2;
    private static final int SIGTERM = 15;
    private static final int SIGHUP = 1;
    private static final int SIGKILL = 9;
    private static final long DOUBLE_INTERRUPT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final JobService jobs;
    private final PluginInventory inventory;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final JobspecFile jobspecFile;
    private final Object lock = new Object();
    private Job current;
    private PrintStream currentErr;
    private int pending;
    private volatile long lastInterrupt;

    RunCommand(JobService jobs, PluginInventory inventory, ObjectMapper mapper, Caller caller) {
        this.jobs = jobs;
        this.inventory = inventory;
        this.mapper = mapper;
        this.caller = caller;
        this.jobspecFile = new JobspecFile(mapper);
    }

    int run(List<String> args, InputStream in, OutputStream out, OutputStream err, PrintStream stdout,
            PrintStream messages) {
        RunParser parser = new RunParser(mapper);
        RunRequest run = parser.parse(args);
        if (run == null) {
            stdout.print(parser.helpOptions() ? OptionsHelp.text(inventory.options()) : Help.RUN);
            return 0;
        }
        ObjectNode spec = jobspec(run);
        Job job;
        synchronized (lock) {
            if (pending != 0) {
                return 128 + pending; // interrupted before the job existed: it never starts
            }
            job = jobs.submit(new JobRequest(spec, out, err, in), caller.user());
            current = job;
            currentErr = messages;
        }
        if (run.verbose() > 0) {
            messages.println("jobshell: jobid " + job.id() + " (" + job.directory() + ")");
        }
        try {
            return job.exitCode().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel(SIGKILL);
            return 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException("job " + job.id() + " failed: " + e.getCause(), e.getCause());
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
    }

    /**
     * Builds the job's jobspec from the parsed command line (or reads {@code --jobspec}), with the
     * caller's environment and working directory, and checks that the tasks can enter it.
     *
     * @param run the parsed command line
     * @return the jobspec to submit
     */
    ObjectNode jobspec(RunRequest run) {
        Path here = caller.cwd();
        Path cwd = run.cwd() == null ? here : here.resolve(run.cwd());
        ObjectNode spec;
        if (run.jobspecFile() != null) {
            // in the daemon, a relative path is the client's; one-shot, messages keep it as given
            Path file = caller.daemon() ? here.resolve(run.jobspecFile()) : run.jobspecFile();
            spec = JobspecBuilder.mergeOptions(jobspecFile.read(file), run.options(), run.jobspecFile());
            try {
                jobs.validate(spec);
            } catch (ShellException e) {
                throw new UsageException("--jobspec " + run.jobspecFile() + ": " + e.getMessage());
            }
            JsonNode dir = spec.path("attributes").path("system").path("cwd");
            cwd = dir.isTextual() ? Path.of(dir.textValue()) : here;
            if (!dir.isTextual() && caller.daemon()) {
                // the tasks run where the client is, not where the daemon happens to be
                spec.withObject("/attributes/system").put("cwd", here.toString());
            }
        } else {
            spec = new JobspecBuilder(mapper).build(run, new EnvRules(SubmitterEnvironment.of(caller.environment(),
                    System.getProperty(SubmitterEnvironment.HIDE, "")), cwd).apply(run.envRules()),
                    cwd);
        }
        FileArchive.add(spec, run.files(), here);
        WorkingDirectory.check(cwd);
        return spec;
    }

    /**
     * A signal for the job. Once the job exists, the job's plugins decide what it does (the
     * {@code signals} builtin cancels the job on SIGINT, SIGTERM and SIGHUP, and sends any other signal
     * to every task), but a second SIGINT within two seconds always kills the job at once. A SIGINT,
     * SIGTERM or SIGHUP that comes before the job exists is kept, so the job never starts; any other
     * is dropped.
     */
    void signal(int signal) {
        Job job;
        PrintStream err;
        synchronized (lock) {
            if (current == null) {
                if (signal == SIGINT || signal == SIGTERM || signal == SIGHUP) {
                    pending = signal; // the job never starts
                }
                return;
            }
            job = current;
            err = currentErr;
        }
        if (signal == SIGINT) {
            long now = System.nanoTime();
            if (lastInterrupt != 0 && now - lastInterrupt < DOUBLE_INTERRUPT_NANOS) {
                err.println("jobshell: second interrupt: killing job " + job.id());
                job.cancel(SIGKILL);
                return;
            }
            lastInterrupt = now;
        }
        job.signal(signal);
    }
}
