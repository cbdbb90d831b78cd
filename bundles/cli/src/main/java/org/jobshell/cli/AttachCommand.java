package org.jobshell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jobshell.api.admin.Job;

/**
 * {@code jobshell attach ID}: the job's output from its output eventlog, followed as it is written
 * while the job runs, and the job's exit code from its exec eventlog ({@code complete}) once it
 * ended. The same whether the job runs, ended, or ran in a container that has stopped since.
 */
final class AttachCommand {

    private static final long POLL_MILLIS = 20;

    private final JobLocator locator;
    private final ObjectMapper mapper;
    private volatile boolean stopped;

    AttachCommand(JobLocator locator, ObjectMapper mapper) {
        this.locator = locator;
        this.mapper = mapper;
    }

    /** Stops following (a signal): the job goes on. */
    void stop() {
        stopped = true;
    }

    int run(List<String> args, OutputStream out, OutputStream err) throws IOException, InterruptedException {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new UsageException("attach: usage: jobshell attach ID");
        }
        String id = args.get(0);
        Path dir = locator.directory(id);
        Optional<Job> live = locator.live(id);
        OutputReplay replay = new OutputReplay(mapper, out, err);
        try (EventlogTail output = new EventlogTail(dir.resolve("output.eventlog"));
                EventlogTail exec = new EventlogTail(dir.resolve("exec.eventlog"))) {
            Integer exitCode = null;
            boolean done = false;
            while (true) {
                for (String line : exec.lines()) {
                    JsonNode e = mapper.readTree(line);
                    String name = e.path("name").asText();
                    if (name.equals("complete")) {
                        exitCode = e.path("context").path("exitcode").asInt(1);
                    } else if (name.equals("done")) {
                        done = true;
                    }
                }
                for (String line : output.lines()) {
                    replay.event(line);
                }
                if (done) {
                    for (String line : output.lines()) {
                        replay.event(line);
                    }
                    return exitCode == null ? 1 : exitCode;
                }
                if (stopped) {
                    return 130;
                }
                if (live.isEmpty()) {
                    throw new UsageException("attach: job " + id + " has not finished, and it does not run in this"
                            + " container (its container stopped before it ended?)");
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }
}
