package org.jobshell.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a client is sent, as frames queued in memory up to a byte limit and written to its socket
 * by a thread of its own: whoever produces the output (the container's I/O thread, for a job's
 * terminal) never blocks on a client. A client that lets more than the limit pile up is dropped:
 * its connection is closed and what it would have been sent is discarded; the job goes on, and its
 * output stays in its output eventlog.
 */
final class Outbox {

    private final SocketChannel channel;
    private final long limit;
    private final Deque<ByteBuffer> queue = new ArrayDeque<>();
    private final Thread writer;
    private long queued;
    private boolean closed;
    private boolean dropped;

    Outbox(SocketChannel channel, long limit, String name) {
        this.channel = channel;
        this.limit = limit;
        this.writer = new Thread(this::drain, name);
        writer.setDaemon(true);
        writer.start();
    }

    /** @return a stream of frames of this type into the box; it never blocks and never throws */
    OutputStream stream(byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                for (int done = 0; done < len; ) {
                    int n = Math.min(len - done, Frames.MAX - 1);
                    put(Frames.encode(type, b, off + done, n));
                    done += n;
                }
            }
        };
    }

    /** Queues a frame; drops the client when it would pass the limit. */
    void put(ByteBuffer frame) {
        synchronized (queue) {
            if (closed || dropped) {
                return;
            }
            if (queued + frame.remaining() > limit) {
                dropped = true;
                queue.clear();
                closeChannel();
                return;
            }
            queued += frame.remaining();
            queue.addLast(frame);
            queue.notifyAll();
        }
    }

    /** @return whether the client was dropped for not keeping up */
    boolean dropped() {
        synchronized (queue) {
            return dropped;
        }
    }

    /**
     * Sends what is queued, then ends the writer.
     *
     * @param waitMillis how long to wait for the client to take it
     */
    void finish(long waitMillis) throws InterruptedException {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
        writer.join(waitMillis);
    }

    private void drain() {
        try {
            while (true) {
                ByteBuffer next;
                synchronized (queue) {
                    while (queue.isEmpty() && !closed && !dropped) {
                        queue.wait();
                    }
                    if (queue.isEmpty() || dropped) {
                        return;
                    }
                    next = queue.peekFirst();
                }
                Frames.write(channel, next);
                synchronized (queue) {
                    if (!queue.isEmpty() && queue.peekFirst() == next) {
                        queue.removeFirst();
                        queued -= next.capacity();
                    }
                }
            }
        } catch (IOException e) {
            synchronized (queue) {
                dropped = true; // the client went away: nothing more to send
                queue.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // closed either way
        }
    }
}
