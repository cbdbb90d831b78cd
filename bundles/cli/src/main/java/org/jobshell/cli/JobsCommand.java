package org.jobshell.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobState;
import org.jobshell.launch.Caller;

/** {@code jobshell jobs [--json]}: the jobs of the container, in submission order. */
final class JobsCommand {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final CliServices services;
    private final Caller caller;

    JobsCommand(CliServices services, Caller caller) {
        this.services = services;
        this.caller = caller;
    }

    int run(List<String> args, PrintStream out) throws Exception {
        boolean json = false;
        for (String a : args) {
            if (!a.equals("--json")) {
                throw new UsageException("jobs: unknown argument '" + a + "' (see jobshell jobs --help)");
            }
            json = true;
        }
        if (!caller.daemon()) {
            throw new UsageException("jobs: no daemon answers, so no job runs in one (jobs of 'jobshell run' are in "
                    + services.jobsDir() + ")");
        }
        List<Job> jobs = services.jobs().jobs();
        if (json) {
            ArrayNode list = services.mapper().createArrayNode();
            for (Job j : jobs) {
                ObjectNode o = list.addObject();
                o.put("id", j.id());
                o.put("owner", j.owner());
                o.put("state", j.state().name().toLowerCase(Locale.ROOT));
                o.put("ntasks", j.ntasks());
                o.putPOJO("command", j.command());
                o.put("start", j.started().toEpochMilli() / 1000.0);
                Integer code = exitCode(j);
                if (code != null) {
                    o.put("exitcode", code);
                }
            }
            out.println(services.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list));
            return 0;
        }
        Table t = new Table("ID", "OWNER", "STATE", "NTASKS", "START", "EXIT", "COMMAND");
        for (Job j : jobs) {
            Integer code = exitCode(j);
            t.row(j.id(), j.owner(), j.state().name().toLowerCase(Locale.ROOT), Integer.toString(j.ntasks()),
                    START.format(j.started()), code == null ? "-" : code.toString(), String.join(" ", j.command()));
        }
        out.print(t);
        return 0;
    }

    private static Integer exitCode(Job j) {
        return j.state() == JobState.FINISHED ? j.exitCode().toCompletableFuture().join() : null;
    }
}
