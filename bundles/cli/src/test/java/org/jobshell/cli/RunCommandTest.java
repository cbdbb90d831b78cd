package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobRequest;
import org.jobshell.api.admin.JobService;
import org.jobshell.api.admin.PluginInfo;
import org.jobshell.api.admin.PluginInventory;
import org.jobshell.api.admin.PluginOption;
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

    private final PluginInventory inventory = new PluginInventory() {
        @Override
        public List<PluginInfo> plugins() {
            return List.of();
        }

        @Override
        public List<PluginOption> options() {
            return List.of(new PluginOption("cpu-affinity", OptionSpec.of("cpu-affinity", OptionSpec.Type.STRING)
                    .syntax("on|off").defaultValue("on").help("bind tasks")),
                    new PluginOption("output", OptionSpec.of("output.limit", OptionSpec.Type.ANY)));
        }

        @Override
        public List<String> problems() {
            return List.of();
        }
    };

    @Test
    void helpOptionsListsEveryDeclaredOptionWithItsPluginAndRunsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, new RunCommand(jobs, inventory, new ObjectMapper(), Caller.self()).run(List.of("-n", "2", "--help-options"),
                InputStream.nullInputStream(), out, out, print, print));
        assertEquals(List.of("  -o cpu-affinity=on|off   (plugin cpu-affinity, default on)", "        bind tasks",
                "  -o output.limit=VALUE   (plugin output)"),
                List.of(out.toString(StandardCharsets.UTF_8).split("\n")).subList(2, 5));
        assertEquals(List.of(), submitted);
    }

    @Test
    void aSignalBeforeTheJobExistsMeansItNeverStartsAndTheRunExitsWithTheSignal() {
        RunCommand run = new RunCommand(jobs, inventory, new ObjectMapper(), Caller.self());
        run.signal(15);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(143, run.run(List.of("true"), InputStream.nullInputStream(), out, out, print, print));
        assertEquals(List.of(), submitted);
    }
}
