package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jobshell.api.ShellException;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobState;

/**
 * What a long-lived container keeps of a job that ended: its facts, not its shells, plugins and
 * buffers, so that the jobs it lists cost little memory however many ran.
 */
final class FinishedJob implements Job {

    private final String id;
    private final Path directory;
    private final String owner;
    private final int ntasks;
    private final List<String> command;
    private final Instant started;
    private final String service;
    private final CompletableFuture<Integer> exitCode;

    FinishedJob(JobRun job, int exitCode) {
        this.id = job.id();
        this.directory = job.directory();
        this.owner = job.owner();
        this.ntasks = job.ntasks();
        this.command = job.command();
        this.started = job.started();
        this.service = job.serviceName();
        this.exitCode = CompletableFuture.completedFuture(exitCode);
    }

    /**
     * @param service a job's service name
     * @param id its id
     * @param method a method called on it after it ended
     * @return the failed call
     */
    static CompletionStage<JsonNode> ended(String service, String id, String method) {
        CompletableFuture<JsonNode> gone = new CompletableFuture<>();
        gone.completeExceptionally(new ShellException(service + "." + method + ": job " + id
                + " has ended, and its service with it (Function not implemented)"));
        return gone;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public JobState state() {
        return JobState.FINISHED;
    }

    @Override
    public int ntasks() {
        return ntasks;
    }

    @Override
    public List<String> command() {
        return command;
    }

    @Override
    public Instant started() {
        return started;
    }

    @Override
    public CompletionStage<Integer> exitCode() {
        return exitCode;
    }

    @Override
    public CompletionStage<JsonNode> call(int shellRank, String method, JsonNode request) {
        return ended(service, id, method);
    }

    @Override
    public void kill(int signal) {
        // nothing runs any more
    }

    @Override
    public void signal(int signal) {
        // nothing runs any more
    }

    @Override
    public void cancel(int signal) {
        // nothing runs any more
    }
}
