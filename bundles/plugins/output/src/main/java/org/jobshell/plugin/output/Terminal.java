package org.jobshell.plugin.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobshell.api.Shell;
import org.jobshell.api.TaskStream;

/**
 * The terminal side of the leader. The first write that fails (the reader went away, the disk is
 * full) ends the job as a shell pipeline would: every task gets SIGPIPE, the job fails with one
 * line naming the stream and the error (on stderr while it is still open) and the exit code of
 * {@link TerminalFailure}; nothing more is written to the terminal.
 */
final class Terminal {

    private final Shell shell;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final AtomicBoolean broken = new AtomicBoolean();

    Terminal(Shell shell) {
        this.shell = shell;
        this.stdout = shell.terminal(TaskStream.STDOUT);
        this.stderr = shell.terminal(TaskStream.STDERR);
    }

    /** @return whether a write has failed */
    boolean broken() {
        return broken.get();
    }

    /**
     * Shows output, unless the terminal has failed (then it is dropped).
     *
     * @param stream the stream
     * @param bytes whole lines or a whole chunk
     */
    void write(TaskStream stream, byte[] bytes) {
        if (broken.get()) {
            return;
        }
        try {
            (stream == TaskStream.STDOUT ? stdout : stderr).write(bytes);
        } catch (IOException e) {
            if (broken.compareAndSet(false, true)) {
                TerminalFailure failure = TerminalFailure.of(stream, e);
                shell.execute(() -> {
                    shell.killAll(TerminalFailure.SIGPIPE);
                    throw shell.die(failure.exitCode(), failure.message());
                });
            }
        }
    }
}
