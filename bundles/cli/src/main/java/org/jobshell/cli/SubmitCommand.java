package org.jobshell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobRequest;
import org.jobshell.launch.Caller;

/**
 * {@code jobshell submit}: starts a job in the daemon and prints its id. Its terminal output goes
 * nowhere: the output eventlog keeps it for {@code jobshell attach}.
 */
final class SubmitCommand {

    private final CliServices services;
    private final RunCommand run;
    private final Caller caller;

    SubmitCommand(CliServices services, RunCommand run, Caller caller) {
        this.services = services;
        this.run = run;
        this.caller = caller;
    }

    int run(List<String> args, PrintStream out) {
        if (!caller.daemon()) {
            throw new UsageException("submit: no daemon answers (start one with 'jobshell daemon --detach'), and a job"
                    + " submitted to a one-shot container would end with it: use 'jobshell run'");
        }
        RunRequest request = new RunParser(services.mapper()).parse(args);
        if (request == null) {
            out.print(Help.SUBMIT);
            return 0;
        }
        ObjectNode spec = run.jobspec(request);
        Job job = services.jobs().submit(new JobRequest(spec, OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream()), caller.user());
        out.println(job.id());
        return 0;
    }
}
