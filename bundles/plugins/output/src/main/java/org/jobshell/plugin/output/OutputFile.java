package org.jobshell.plugin.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobshell.api.IoErrors;
import org.jobshell.api.Shell;

/**
 * One output file of a shell, shared by every task stream whose template renders to its path. Writes
 * go straight to the file (no buffer), from the I/O thread and the shell's thread alike, so output
 * held in memory never grows with what tasks write. The first write that fails fails the job in one
 * line naming the file.
 */
final class OutputFile {

    private final Shell shell;
    private final Path path;
    private final FileChannel channel;
    private final AtomicBoolean failed = new AtomicBoolean();

    OutputFile(Shell shell, Path path, FileChannel channel) {
        this.shell = shell;
        this.path = path;
        this.channel = channel;
    }

    /** @return the file */
    Path path() {
        return path;
    }

    /** @param bytes whole lines (or a last partial one), written at once */
    synchronized void write(byte[] bytes) {
        if (failed.get()) {
            return;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            if (failed.compareAndSet(false, true)) {
                String message = "cannot write " + path + ": " + IoErrors.reason(e);
                shell.execute(() -> {
                    throw shell.die(1, message);
                });
            }
        }
    }

    synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            shell.log().error("cannot close " + path + ": " + IoErrors.reason(e));
        }
    }
}
