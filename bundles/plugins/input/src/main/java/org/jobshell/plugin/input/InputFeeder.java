package org.jobshell.plugin.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Feeds the job's input to this shell's targeted tasks, each through a pipe that is its standard
 * input, from one thread that writes without blocking (a task that does not read holds back no other
 * task). The chunks are shared by every task, not copied. A task that has more than {@value #LIMIT}
 * bytes waiting holds back the job's reader on the leader ({@link #awaitRoom}); one that exits has its
 * pipe closed. End of input closes every pipe once it is drained: the tasks read end of file.
 */
final class InputFeeder {

    /** How many bytes may wait for one task, as the reference's task stdin buffer (32 MiB). */
    static final long LIMIT = 32L << 20;

    /** The write end of one task's stdin pipe and what still has to go into it. */
    private static final class Feed {
        final int rank;
        final Pipe pipe;
        final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
        long bytes;
        boolean eof;
        boolean closed;
        SelectionKey key;

        Feed(int rank, Pipe pipe) {
            this.rank = rank;
            this.pipe = pipe;
        }
    }

    private final Map<Integer, Feed> feeds = new LinkedHashMap<>();
    private final Consumer<String> warn;
    private Selector selector;
    private Thread thread;

    /** @param warn where a task whose input could not be written is reported */
    InputFeeder(Consumer<String> warn) {
        this.warn = warn;
    }

    /**
     * @param rank a task to feed
     * @return its stdin pipe: give the task the source, close it once the task started
     * @throws IOException when no pipe can be made
     */
    synchronized Pipe add(int rank) throws IOException {
        Pipe pipe = Pipe.open();
        pipe.sink().configureBlocking(false);
        feeds.put(rank, new Feed(rank, pipe));
        return pipe;
    }

    /** Starts feeding, once every task was added. */
    synchronized void start() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, "jobshell-input-feeder");
        thread.setDaemon(true);
        thread.start();
    }

    /** @param data a chunk of input for every task (shared, never changed afterwards) */
    synchronized void offer(byte[] data) {
        for (Feed f : feeds.values()) {
            if (!f.closed && !f.eof) {
                f.queue.add(ByteBuffer.wrap(data).asReadOnlyBuffer());
                f.bytes += data.length;
            }
        }
        wakeup();
    }

    /** The input ended: each pipe is closed once what it waits for is written. */
    synchronized void eof() {
        for (Feed f : feeds.values()) {
            f.eof = true;
        }
        wakeup();
    }

    /** Waits while a task that still reads has {@value #LIMIT} bytes or more waiting. */
    synchronized void awaitRoom() throws InterruptedException {
        while (feeds.values().stream().anyMatch(f -> !f.closed && f.bytes >= LIMIT)) {
            wait();
        }
    }

    /** Stops feeding: every pipe is closed. */
    synchronized void close() {
        for (Feed f : feeds.values()) {
            close(f);
        }
        wakeup();
    }

    private void wakeup() {
        if (selector != null) {
            selector.wakeup();
        }
    }

    private void run() {
        try (Selector s = selector) {
            while (writeWhatCan()) {
                s.select();
            }
        } catch (IOException e) {
            warn.accept("cannot feed the tasks' input: " + e.getMessage());
            close();
        }
    }

    /** @return whether some pipe is still open */
    private synchronized boolean writeWhatCan() throws IOException {
        boolean open = false;
        for (Feed f : feeds.values()) {
            if (f.closed) {
                continue;
            }
            write(f);
            if (!f.closed) {
                if (f.key == null) {
                    f.key = f.pipe.sink().register(selector, 0, f);
                }
                f.key.interestOps(f.queue.isEmpty() ? 0 : SelectionKey.OP_WRITE);
                open = true;
            }
        }
        notifyAll();
        return open;
    }

    private void write(Feed f) {
        try {
            while (!f.queue.isEmpty()) {
                ByteBuffer b = f.queue.peek();
                int n = f.pipe.sink().write(b);
                f.bytes -= n;
                if (b.hasRemaining()) {
                    return; // the pipe is full: the selector says when it has room
                }
                f.queue.poll();
            }
            if (f.eof) {
                close(f);
            }
        } catch (IOException e) {
            // the task is gone (or closed its stdin): nobody to feed any more
            close(f);
        }
    }

    private void close(Feed f) {
        if (f.closed) {
            return;
        }
        f.closed = true;
        f.queue.clear();
        f.bytes = 0;
        try {
            f.pipe.sink().close();
            f.pipe.source().close();
        } catch (IOException e) {
            warn.accept("task " + f.rank + ": cannot close its stdin: " + e.getMessage());
        }
    }
}
