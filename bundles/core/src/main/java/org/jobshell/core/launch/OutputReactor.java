package org.jobshell.core.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.ProcessObserver;

/**
 * One thread reading the output of every task of the container through a {@link Selector}: no
 * thread per stream, whatever the number of tasks.
 */
final class OutputReactor implements AutoCloseable {

    private record Registration(Pipe.SourceChannel source, TaskStream stream, ProcessObserver observer) {
    }

    private final Selector selector;
    private final Queue<Registration> pending = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    private final Thread thread;
    private volatile boolean closed;

    OutputReactor() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for task output", e);
        }
        thread = new Thread(this::loop, "jobshell-io");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts reading a task stream.
     *
     * @param source the read end of the task's pipe
     * @param stream which stream it is
     * @param observer receives the data and the end of file
     * @throws IOException when the channel cannot be made non-blocking
     */
    void register(Pipe.SourceChannel source, TaskStream stream, ProcessObserver observer) throws IOException {
        source.configureBlocking(false);
        pending.add(new Registration(source, stream, observer));
        selector.wakeup();
    }

    private void loop() {
        while (!closed) {
            try {
                selector.select();
                Registration r;
                while ((r = pending.poll()) != null) {
                    r.source.register(selector, SelectionKey.OP_READ, r);
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    read(key);
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // one failed select or registration must not end every later job's output: go on
                Thread.interrupted();
            }
        }
    }

    private void read(SelectionKey key) {
        Registration r = (Registration) key.attachment();
        buffer.clear();
        int n;
        try {
            n = r.source.read(buffer);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            key.cancel();
            try {
                r.source.close();
            } catch (IOException e) {
                // the stream is finished either way
            }
            r.observer.eof(r.stream);
        } else if (n > 0) {
            buffer.flip();
            r.observer.data(r.stream, buffer);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
