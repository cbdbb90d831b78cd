package org.jobshell.posix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.ExitStatus;
import org.jobshell.core.spi.ProcessObserver;

/** Records what a launcher tells about one process, as the core's task record would receive it. */
final class Recorder implements ProcessObserver {

    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final CountDownLatch ends = new CountDownLatch(3);
    private final CompletableFuture<ExitStatus> status = new CompletableFuture<>();

    @Override
    public void data(TaskStream stream, ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        (stream == TaskStream.STDOUT ? stdout : stderr).append(new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void eof(TaskStream stream) {
        ends.countDown();
    }

    @Override
    public void exited(ExitStatus exit) {
        status.complete(exit);
        ends.countDown();
    }

    /** @return the exit status once both streams ended and the process exited (at most 30 s) */
    ExitStatus await() throws Exception {
        if (!ends.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not end within 30 s; stdout so far: " + stdout);
        }
        return status.get();
    }

    String stdout() {
        return stdout.toString();
    }

    String stderr() {
        return stderr.toString();
    }
}
