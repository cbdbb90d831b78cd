package org.jobshell.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jobshell.launch.Caller;
import org.jobshell.launch.Command;
import org.jobshell.launch.Session;

/**
 * One client of the daemon's socket, on a thread of its own: the peer is checked, its request read
 * and run as a command line of the CLI with the client's user, environment and working directory;
 * output goes back through an {@link Outbox}, signal and input frames go to the command, the exit code ends
 * the conversation. Whatever the client does wrong (garbage, a frame too long, no request within
 * {@value #REQUEST_TIMEOUT_SECONDS} s, vanishing) ends this connection only.
 */
final class Connection implements Runnable {

    static final long REQUEST_TIMEOUT_SECONDS = 10;
    private static final long FLUSH_MILLIS = 5_000;

    /** What a connection needs from the server. */
    record Context(Command command, EventHub events, ObjectMapper mapper, String daemonUser, long bufferLimit,
            ScheduledExecutorService timer) {
    }

    private final SocketChannel channel;
    private final Context context;

    Connection(SocketChannel channel, Context context) {
        this.channel = channel;
        this.context = context;
    }

    @Override
    public void run() {
        Outbox out = null;
        try {
            String user = Peer.user(channel);
            if (!Peer.allowed(user, context.daemonUser())) {
                refuse("user " + user + " may not use this daemon: it serves " + context.daemonUser()
                        + (context.daemonUser().equals("root") ? " only" : " and root"));
                return;
            }
            ScheduledFuture<?> timeout = context.timer().schedule(this::close, REQUEST_TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
            Frames.Frame first = Frames.read(channel);
            if (!timeout.cancel(false) || first == null) {
                return; // no request in time, or the client left before sending one
            }
            if (first.type() != Frames.REQUEST) {
                throw new Frames.ProtocolException("the first frame must be a request ('R'), not type "
                        + (first.type() & 0xff));
            }
            Request request = Request.parse(first.payload(), context.mapper());
            if (request.args().get(0).equals("events") && request.args().size() == 1) {
                events();
                return;
            }
            out = new Outbox(channel, context.bufferLimit(), "jobshell-client-out");
            Session session = context.command().open(new Caller(user, request.environment(), request.cwd(), true));
            Outbox box = out;
            ClientInput input = new ClientInput(bytes -> box.put(Frames.number(Frames.STDIN, bytes)));
            Thread signals = new Thread(() -> readClient(session, input), "jobshell-client-in");
            signals.setDaemon(true);
            signals.start();
            int code = session.run(request.args(), input, out.stream(Frames.STDOUT), out.stream(Frames.STDERR));
            out.put(Frames.number(Frames.EXIT, code));
            out.finish(FLUSH_MILLIS);
        } catch (Frames.ProtocolException e) {
            refuse("bad request: " + e.getMessage());
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Streams events until the client goes or is dropped; its frames are read only to see it go. */
    private void events() throws IOException, InterruptedException {
        Thread watch = new Thread(() -> {
            try {
                while (Frames.read(channel) != null) {
                    // a subscriber sends nothing that matters
                }
            } catch (IOException e) {
                // gone
            } finally {
                close();
            }
        }, "jobshell-events-in");
        watch.setDaemon(true);
        watch.start();
        int code = EventStream.serve(channel, context.events(), context.timer(), channel::isOpen);
        Frames.write(channel, Frames.number(Frames.EXIT, code));
    }

    /**
     * Reads the client's frames while its command runs: signals, and standard input; the end of its
     * stream is fine (the end of input, too).
     */
    private void readClient(Session session, ClientInput input) {
        try {
            Frames.Frame f;
            while ((f = Frames.read(channel)) != null) {
                if (f.type() == Frames.SIGNAL) {
                    session.signal(Frames.number(f.payload()));
                } else if (f.type() == Frames.STDIN) {
                    input.add(f.payload());
                } else {
                    throw new Frames.ProtocolException("unexpected frame type " + (f.type() & 0xff));
                }
            }
        } catch (IOException e) {
            close(); // garbage mid-command: the client is dropped, the command goes on
        } finally {
            input.end();
        }
    }

    /** Answers with one error line and exit code 1, then closes. */
    void refuse(String message) {
        try {
            byte[] line = ("jobshell: error: " + message + "\n").getBytes(StandardCharsets.UTF_8);
            Frames.write(channel, Frames.encode(Frames.STDERR, line, 0, line.length));
            Frames.write(channel, Frames.number(Frames.EXIT, 1));
            // closing with unread input would reset the connection and lose the reply: read what the
            // client still sends (at most 1 MiB, for at most a second), then close
            channel.shutdownOutput();
            ScheduledFuture<?> limit = context.timer().schedule(this::close, 1, TimeUnit.SECONDS);
            ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
            for (int total = 0; total < Frames.MAX && channel.read(sink.clear()) >= 0; total += sink.position()) {
                // discarded
            }
            limit.cancel(false);
        } catch (IOException e) {
            // the client is gone
        } finally {
            close();
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closed either way
        }
    }
}
