package org.jobshell.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.util.Objects;

/**
 * What to run and where its terminal output goes.
 *
 * @param jobspec a Flux-compatible version 1 jobspec
 * @param stdout where task standard output is shown
 * @param stderr where task standard error and shell log messages are shown
 */
public record JobRequest(ObjectNode jobspec, OutputStream stdout, OutputStream stderr) {

    /** Checks that nothing is null. */
    public JobRequest {
        Objects.requireNonNull(jobspec, "jobspec");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }
}
