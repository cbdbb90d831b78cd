package org.jobshell.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * What to run, where its terminal output goes and where its input comes from.
 *
 * @param jobspec a Flux-compatible version 1 jobspec
 * @param stdout where task standard output is shown
 * @param stderr where task standard error and shell log messages are shown
 * @param stdin what the job's tasks read as standard input (the {@code input} plugin passes it on),
 *     an empty stream for none
 */
public record JobRequest(ObjectNode jobspec, OutputStream stdout, OutputStream stderr, InputStream stdin) {

    /** Checks that nothing is null. */
    public JobRequest {
        Objects.requireNonNull(jobspec, "jobspec");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(stdin, "stdin");
    }

    /**
     * A job without input: its tasks read end of file.
     *
     * @param jobspec a Flux-compatible version 1 jobspec
     * @param stdout where task standard output is shown
     * @param stderr where task standard error and shell log messages are shown
     */
    public JobRequest(ObjectNode jobspec, OutputStream stdout, OutputStream stderr) {
        this(jobspec, stdout, stderr, InputStream.nullInputStream());
    }
}
