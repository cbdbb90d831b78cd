package org.jobshell.daemon;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code jobshell events} on a connection: the subscriber's events, one JSON line per {@code O}
 * frame, written by the connection's own thread as fast as the client reads. The socket's send
 * buffer is kept small, so a client that stops reading fills its queue ({@value EventHub#QUEUE}
 * events) soon and is dropped a second later: its last line is the drop notice, and if it still does not read
 * within {@value #DROP_GRACE_SECONDS} s the connection is closed. Publishing never waits for it.
 */
final class EventStream {

    static final long DROP_GRACE_SECONDS = 30;
    private static final int SEND_BUFFER = 8 * 1024;

    private EventStream() {
    }

    /**
     * @param channel the client's connection
     * @param hub the events
     * @param timer closes the connection of a dropped subscriber that does not read
     * @param open whether the client is still there
     * @return the exit code for the client: 1 when it was dropped
     */
    static int serve(SocketChannel channel, EventHub hub, ScheduledExecutorService timer, BooleanSupplier open)
            throws IOException, InterruptedException {
        channel.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER);
        Subscriber s = hub.subscribe();
        s.onDrop(() -> {
            System.err.println("jobshell daemon: events subscriber dropped (it took no event for "
                    + EventHub.GRACE_MILLIS + " ms while " + EventHub.QUEUE + " waited, or " + EventHub.HARD_QUEUE
                    + " waited)");
            timer.schedule(() -> close(channel), DROP_GRACE_SECONDS, TimeUnit.SECONDS);
        });
        // a client that stopped reading may be published nothing more: its stall is looked at now and then
        ScheduledFuture<?> check = timer.scheduleWithFixedDelay(s::dropIfStalled, EventHub.GRACE_MILLIS,
                EventHub.GRACE_MILLIS / 2, TimeUnit.MILLISECONDS);
        try {
            while (open.getAsBoolean()) {
                String line = s.poll(500);
                if (line != null) {
                    byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
                    Frames.write(channel, Frames.encode(Frames.STDOUT, b, 0, b.length));
                }
                if (s.finished()) {
                    return 1;
                }
            }
            return 0;
        } finally {
            check.cancel(false);
            hub.unsubscribe(s);
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closed either way
        }
    }
}
