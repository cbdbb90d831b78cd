package org.jobshell.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobState;

/** {@code jobshell job ID}: one job of the container, field by field. */
final class JobCommand {

    private final JobLocator locator;
    private final ObjectMapper mapper;

    JobCommand(JobLocator locator, ObjectMapper mapper) {
        this.locator = locator;
        this.mapper = mapper;
    }

    int run(List<String> args, PrintStream out) throws Exception {
        if (args.size() != 1) {
            throw new UsageException("job: usage: jobshell job ID");
        }
        String id = args.get(0);
        Job j = locator.live(id).orElseThrow(() -> new UsageException("job: no job " + id
                + " in this container (see jobshell jobs; its records are in var/jobs/" + id + ")"));
        out.println("id         " + j.id());
        out.println("owner      " + j.owner());
        out.println("state      " + j.state().name().toLowerCase(Locale.ROOT));
        out.println("ntasks     " + j.ntasks());
        out.println("command    " + mapper.writeValueAsString(j.command()));
        out.println("start      " + j.started());
        out.println("exit code  " + (j.state() == JobState.FINISHED ? j.exitCode().toCompletableFuture().join() : "-"));
        out.println("directory  " + j.directory());
        return 0;
    }
}
