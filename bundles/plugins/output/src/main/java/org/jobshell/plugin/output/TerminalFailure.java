package org.jobshell.plugin.output;

import java.io.IOException;
import org.jobshell.api.IoErrors;
import org.jobshell.api.TaskStream;

/**
 * Why the terminal could not take task output, and the job's exit code for it, as a shell pipeline
 * has them: 141 (128 + SIGPIPE) when the reader went away ({@code EPIPE}, as for
 * {@code yes | head -1}), 1 for any other write error ({@code ENOSPC} on {@code > /dev/full}, as
 * for bash's {@code echo}).
 *
 * @param exitCode the job's exit code
 * @param message the one line that names the stream and the error
 */
record TerminalFailure(int exitCode, String message) {

    /** SIGPIPE on Linux. */
    static final int SIGPIPE = 13;

    /**
     * @param stream the stream that could not be written
     * @param e the error
     * @return the failure
     */
    static TerminalFailure of(TaskStream stream, IOException e) {
        String reason = IoErrors.reason(e); // strerror's text for write(2) errors
        int code = reason.startsWith("Broken pipe") ? 128 + SIGPIPE : 1;
        return new TerminalFailure(code, "cannot write task output to " + stream.label() + ": " + reason);
    }
}
