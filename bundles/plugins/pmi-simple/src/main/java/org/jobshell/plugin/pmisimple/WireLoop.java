package org.jobshell.plugin.pmisimple;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The thread that serves one shell's PMI connections: reads request lines from every task's socket,
 * hands them to the {@link Protocol}, and writes its responses back. Work from other threads (the end of
 * a barrier exchange) comes in through {@link #execute}. A protocol error stops the serving and is
 * reported once to {@code failure}, which fails the job.
 */
final class WireLoop implements AutoCloseable {

    /** The longest request line; the protocol's own limits are far below it. */
    static final int LINE_MAX = 4096;
    private static final int WRITE_TRIES = 1000;

    /** What the loop logs: each request and response at trace level. */
    interface Trace {
        /** @return whether lines are traced */
        boolean enabled();

        /** @param message one traced line */
        void line(String message);
    }

    /** One connection and what has been read of its current line. */
    private record Connection(SocketChannel channel, Client client, ByteBuffer in) {
    }

    private final Selector selector;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<String> failure;
    private final Trace trace;
    private final Thread thread;
    private Protocol protocol;
    private volatile boolean closed;
    private boolean failed;

    /**
     * @param name the thread's name
     * @param failure told once of a protocol error, on the loop's thread
     * @param trace where requests and responses are traced
     * @throws IOException when no selector can be opened
     */
    WireLoop(String name, Consumer<String> failure, Trace trace) throws IOException {
        this.selector = Selector.open();
        this.failure = failure;
        this.trace = trace;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** @param served the protocol the loop serves; the loop starts */
    void start(Protocol served) {
        this.protocol = served;
        thread.start();
    }

    /** @param action run on the loop's thread */
    void execute(Runnable action) {
        queue.add(action);
        selector.wakeup();
    }

    /**
     * @param channel the shell's end of a task's socket
     * @param rank the task's rank, or -1 for a {@code PMI_PORT} client, which names it in {@code initack}
     */
    void serve(SocketChannel channel, int rank) {
        execute(() -> register(channel, rank));
    }

    /**
     * @param server a listening socket ({@code PMI_PORT})
     * @param accept decides whether an accepted connection is one of the job's tasks (closed if not)
     */
    void listen(ServerSocketChannel server, Predicate<SocketChannel> accept) {
        execute(() -> {
            try {
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT, accept);
            } catch (IOException e) {
                fail("cannot listen on PMI_PORT: " + e.getMessage());
            }
        });
    }

    private void register(SocketChannel channel, int rank) {
        try {
            channel.configureBlocking(false);
            Client[] client = new Client[1];
            client[0] = new Client(rank, line -> write(channel, client[0], line));
            channel.register(selector, SelectionKey.OP_READ,
                    new Connection(channel, client[0], ByteBuffer.allocate(LINE_MAX)));
        } catch (IOException e) {
            fail("cannot serve task " + rank + ": " + e.getMessage());
        }
    }

    private void run() {
        while (!closed) {
            try {
                selector.select();
                for (Runnable r; (r = queue.poll()) != null;) {
                    guarded(r);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        accepted(key);
                    } else if (key.isValid() && key.isReadable()) {
                        Connection c = (Connection) key.attachment();
                        guarded(() -> read(key, c));
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                fail("PMI server: " + e.getMessage());
                return;
            }
        }
    }

    private void guarded(Runnable r) {
        if (failed) {
            return;
        }
        try {
            r.run();
        } catch (ProtocolException e) {
            fail(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private void accepted(SelectionKey key) throws IOException {
        SocketChannel channel = ((ServerSocketChannel) key.channel()).accept();
        if (channel == null) {
            return;
        }
        if (((Predicate<SocketChannel>) key.attachment()).test(channel)) {
            register(channel, -1);
        } else {
            channel.close();
        }
    }

    private void read(SelectionKey key, Connection c) {
        int n;
        try {
            n = c.channel().read(c.in());
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            key.cancel();
            closeQuietly(c.channel());
            trace(c.client(), "closed its connection");
            protocol.closed(c.client());
            return;
        }
        ByteBuffer in = c.in();
        int start = 0;
        for (int i = 0; i < in.position(); i++) {
            if (in.get(i) == '\n') {
                String line = new String(in.array(), start, i - start, StandardCharsets.UTF_8);
                start = i + 1;
                trace(c.client(), "-> " + line);
                protocol.request(c.client(), line);
            }
        }
        in.limit(in.position()).position(start);
        in.compact();
        if (!in.hasRemaining()) {
            throw new ProtocolException(c.client().who() + " sent a PMI request line longer than " + LINE_MAX
                    + " bytes");
        }
    }

    private void write(SocketChannel channel, Client client, String line) {
        trace(client, "<- " + line.substring(0, line.length() - 1));
        ByteBuffer out = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            for (int tries = 0; out.hasRemaining(); tries++) {
                if (channel.write(out) == 0) {
                    if (tries == WRITE_TRIES) {
                        throw new ProtocolException(client.who() + " does not read its PMI responses");
                    }
                    Thread.sleep(1);
                }
            }
        } catch (IOException e) {
            // the task went away: its end of file comes to read()
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void trace(Client client, String what) {
        if (trace.enabled()) {
            trace.line(client.who() + " " + what);
        }
    }

    private void fail(String message) {
        if (!failed) {
            failed = true;
            failure.accept(message);
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel());
        }
        closeQuietly(selector);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing: nothing left to do with it
        }
    }
}
