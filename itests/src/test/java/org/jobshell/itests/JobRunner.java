package org.jobshell.itests;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobRequest;
import org.jobshell.api.admin.JobService;

/**
 * Runs jobs through the container's {@link JobService} the way an embedder does, capturing their
 * terminal in memory.
 */
public final class JobRunner {

    private final JobService jobs;

    /** A submitted job and its terminal. */
    public final class Running {
        private final Job job;
        private final ByteArrayOutputStream stdout;
        private final ByteArrayOutputStream stderr;

        Running(Job job, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
            this.job = job;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** @return the job */
        public Job job() {
            return job;
        }

        /** @return whether the job has ended */
        public boolean ended() {
            return job.exitCode().toCompletableFuture().isDone();
        }

        /**
         * @param event an event name
         * @return whether the job's exec eventlog has that event yet
         */
        public boolean hasExecEvent(String event) {
            return JobResult.readEventlog(job.directory().resolve("exec.eventlog")).stream()
                    .anyMatch(e -> event.equals(e.path("name").asText()));
        }

        /** @return the result, once the job ended (fails the test after {@link Deadline#TIMEOUT_MILLIS}) */
        public JobResult await() {
            int code;
            try {
                code = job.exitCode().toCompletableFuture().get(Deadline.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("job " + job.id() + " did not end within " + Deadline.TIMEOUT_MILLIS
                        + " ms; stderr so far:\n" + text(stderr), e);
            } catch (ExecutionException e) {
                throw new AssertionError("job " + job.id() + " failed inside the core", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            return new JobResult(job.id(), code, text(stdout), text(stderr), job.directory());
        }
    }

    /** @param jobs the container's job service */
    public JobRunner(JobService jobs) {
        this.jobs = jobs;
    }

    /**
     * @param spec the job
     * @return the running job
     */
    public Running submit(JobspecBuilder spec) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Job job = jobs.submit(new JobRequest(spec.build(), stdout, stderr));
        assertTrue("job directory " + job.directory(), job.directory().toFile().isDirectory());
        return new Running(job, stdout, stderr);
    }

    /**
     * @param spec the job
     * @return its result, once it ended
     */
    public JobResult run(JobspecBuilder spec) {
        return submit(spec).await();
    }

    private static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8); // synchronized with the writers
    }
}
