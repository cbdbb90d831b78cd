package org.jobshell.plugin.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.jobshell.api.TaskStream;
import org.junit.jupiter.api.Test;

/** A broken pipe ends the job like SIGPIPE (141); any other write error with 1. */
class TerminalFailureTest {

    @Test
    void aReaderThatWentAwayIsSigpipe() {
        assertEquals(new TerminalFailure(141, "cannot write task output to stdout: Broken pipe"),
                TerminalFailure.of(TaskStream.STDOUT, new IOException("Broken pipe")));
    }

    @Test
    void aFullDiskIsAnError() {
        assertEquals(new TerminalFailure(1, "cannot write task output to stderr: No space left on device"),
                TerminalFailure.of(TaskStream.STDERR, new IOException("No space left on device")));
    }
}
