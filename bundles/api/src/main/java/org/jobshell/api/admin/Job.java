package org.jobshell.api.admin;

import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** A submitted job. */
@ProviderType
public interface Job {

    /** @return the job id as users see it, e.g. {@code f2dJbKpaE3} */
    String id();

    /** @return the job's directory: jobspec.json, R.json, exec.eventlog, output.eventlog */
    Path directory();

    /**
     * @return completes with the job's exit code once every shell ended: the largest task exit
     *     code (128 + signal for a signalled task), or the code of a fatal error
     */
    CompletionStage<Integer> exitCode();

    /**
     * Sends a signal to every task of the job.
     *
     * @param signal the signal number, e.g. 2 for SIGINT
     */
    void kill(int signal);
}
