package org.jobshell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jobshell.api.admin.Job;

/**
 * {@code jobshell call [--rank N] ID METHOD [JSON]}: calls a service method a plugin of the job
 * registered, and prints the response (one line of JSON). Only the job's owner may; a job that
 * ended has no service any more.
 */
final class CallCommand {

    private static final long TIMEOUT_SECONDS = 60;

    private final JobLocator locator;
    private final ObjectMapper mapper;

    CallCommand(JobLocator locator, ObjectMapper mapper) {
        this.locator = locator;
        this.mapper = mapper;
    }

    int run(List<String> args, PrintStream out) throws InterruptedException, IOException {
        List<String> rest = new ArrayList<>(args);
        int rank = 0;
        if (rest.size() >= 2 && rest.get(0).equals("--rank")) {
            try {
                rank = Integer.parseInt(rest.get(1));
            } catch (NumberFormatException e) {
                throw new UsageException("call: --rank takes a shell rank, not '" + rest.get(1) + "'");
            }
            rest = rest.subList(2, rest.size());
        }
        if (rest.size() < 2 || rest.size() > 3) {
            throw new UsageException("call: usage: jobshell call [--rank N] ID METHOD [JSON]");
        }
        String id = rest.get(0);
        JsonNode request;
        try {
            request = rest.size() == 3 ? mapper.readTree(rest.get(2)) : mapper.createObjectNode();
        } catch (IOException e) {
            throw new UsageException("call: the request is not JSON: " + rest.get(2));
        }
        Job job = locator.live(id).orElseThrow(() -> new UsageException("call: job " + id
                + " does not run in this container"));
        try {
            JsonNode reply = job.call(rank, rest.get(1), request).toCompletableFuture().get(TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
            out.println(reply == null ? "null" : mapper.writeValueAsString(reply));
            return 0;
        } catch (ExecutionException e) {
            throw new UsageException("call: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new UsageException("call: " + rest.get(1) + ": no answer within " + TIMEOUT_SECONDS + " s");
        }
    }
}
