package org.jobshell.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jobshell.api.ShellException;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobRequest;
import org.jobshell.api.admin.JobService;

/**
 * {@code jobshell run}: builds (or reads) the jobspec, runs the job and returns its exit code.
 * A first SIGINT or SIGTERM is passed on to the tasks; a second SIGINT within two seconds kills
 * them.
 */
final class RunCommand {

    private static final int SIGINT = 2;
    private static final int SIGKILL = 9;
    private static final long DOUBLE_INTERRUPT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final JobService jobs;
    private final ObjectMapper mapper;
    private volatile Job current;
    private volatile PrintStream currentErr;
    private volatile long lastInterrupt;

    RunCommand(JobService jobs, ObjectMapper mapper) {
        this.jobs = jobs;
        this.mapper = mapper;
    }

    int run(List<String> args, OutputStream out, OutputStream err, PrintStream stdout, PrintStream messages) {
        RunRequest run = new RunParser(mapper).parse(args);
        if (run == null) {
            stdout.print(Help.RUN);
            return 0;
        }
        Path cwd = run.cwd() == null ? Path.of(System.getProperty("user.dir")) : run.cwd().toAbsolutePath();
        ObjectNode spec;
        if (run.jobspecFile() != null) {
            spec = JobspecBuilder.mergeOptions(readJobspec(run.jobspecFile()), run.options(), run.jobspecFile());
            try {
                jobs.validate(spec);
            } catch (ShellException e) {
                throw new UsageException("--jobspec " + run.jobspecFile() + ": " + e.getMessage());
            }
        } else {
            spec = new JobspecBuilder(mapper).build(run,
                    new EnvRules(System.getenv(), cwd).apply(run.envRules()), cwd);
        }
        Job job = jobs.submit(new JobRequest(spec, out, err));
        current = job;
        currentErr = messages;
        if (run.verbose() > 0) {
            messages.println("jobshell: jobid " + job.id() + " (" + job.directory() + ")");
        }
        try {
            return job.exitCode().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.kill(SIGKILL);
            return 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException("job " + job.id() + " failed: " + e.getCause(), e.getCause());
        } finally {
            current = null;
        }
    }

    private ObjectNode readJobspec(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("--jobspec " + file + ": no such file");
        } catch (IOException e) {
            throw new UsageException("--jobspec " + file + ": cannot read: " + e.getMessage());
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException("--jobspec " + file + ": not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new UsageException("--jobspec " + file + ": jobspec: must be a JSON object");
        }
        return (ObjectNode) node;
    }

    void signal(int signal) {
        Job job = current;
        if (job == null) {
            return;
        }
        long now = System.nanoTime();
        if (signal == SIGINT && lastInterrupt != 0 && now - lastInterrupt < DOUBLE_INTERRUPT_NANOS) {
            currentErr.println("jobshell: second interrupt: killing job " + job.id());
            job.kill(SIGKILL);
            return;
        }
        if (signal == SIGINT) {
            lastInterrupt = now;
        }
        job.kill(signal);
    }
}
