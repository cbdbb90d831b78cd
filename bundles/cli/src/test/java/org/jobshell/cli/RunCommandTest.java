package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobRequest;
import org.jobshell.api.admin.JobService;
import org.jobshell.launch.Caller;
import org.junit.jupiter.api.Test;

/** What {@code jobshell run} does with the signals it is handed (SIGINT, SIGTERM, SIGHUP). */
class RunCommandTest {

    private final List<JobRequest> submitted = new CopyOnWriteArrayList<>();
    private final JobService jobs = new JobService() {
        @Override
        public Job submit(JobRequest request) {
            submitted.add(request);
            throw new AssertionError("no job may be submitted here");
        }

        @Override
        public Job submit(JobRequest request, String owner) {
            return submit(request);
        }

        @Override
        public List<Job> jobs() {
            return List.of();
        }

        @Override
        public Optional<Job> job(String id) {
            return Optional.empty();
        }

        @Override
        public void validate(ObjectNode jobspec) {
        }
    };

    @Test
    void aSignalBeforeTheJobExistsMeansItNeverStartsAndTheRunExitsWithTheSignal() {
        RunCommand run = new RunCommand(jobs, new ObjectMapper(), Caller.self());
        run.signal(15);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(143, run.run(List.of("true"), out, out, print, print));
        assertEquals(List.of(), submitted);
    }
}
