package org.jobshell.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import sun.misc.Signal;

/**
 * The client side of {@code bin/jobshell}: when a daemon answers on its socket, the command line is
 * sent to it with this process's environment and working directory, its output is written here as
 * it comes, the signals of {@link ForwardedSignals} are passed on, standard input is sent as far as the
 * daemon grants credit for it, and the daemon's exit code is this process's. No OSGi framework starts.
 * The wire protocol is docs/PROTOCOL.md; {@code lib/jobshell-client} (runtime/src/client) is the same
 * client in C, which bin/jobshell prefers where it was built.
 */
final class Client {

    private static final int MAX_FRAME = 1 << 20;
    private static final int SIGPIPE = 13;

    private final SocketChannel channel;
    private long credit;
    private Thread input;

    private Client(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * @param socket the daemon's socket
     * @param args the command line
     * @param out this process's stdout
     * @param err this process's stderr
     * @return the exit code, or empty when no daemon answers (run embedded then)
     */
    static OptionalInt run(Path socket, List<String> args, OutputStream out, OutputStream err) {
        if (!Files.exists(socket) || !alive(socket.resolveSibling("jobshell.pid"))) {
            return OptionalInt.empty(); // no daemon, or one that died and left its socket
        }
        skipProviderLookup();
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return OptionalInt.empty(); // a socket left by a daemon that died, or one we may not use
        }
        try (SocketChannel c = channel) {
            return OptionalInt.of(new Client(c).converse(args, out, err));
        }  catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Names the JDK's own selector provider, so that the first channel does not look for others with
     * a ServiceLoader scan of the class path (~8 ms of a client's start). Only where it exists.
     */
    private static void skipProviderLookup() {
        String key = "java.nio.channels.spi.SelectorProvider";
        String linux = "sun.nio.ch.EPollSelectorProvider";
        if (System.getProperty(key) == null) {
            try {
                Class.forName(linux, false, ClassLoader.getSystemClassLoader());
                System.setProperty(key, linux);
            } catch (ClassNotFoundException e) {
                // another platform: the JDK looks as usual
            }
        }
    }

    /** @return whether the pid file names a live process (/proc: cheaper than ProcessHandle's set-up) */
    private static boolean alive(Path pidFile) {
        try {
            return Files.isDirectory(Path.of("/proc", Long.toString(Long.parseLong(Files.readString(pidFile).trim()))));
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * @param socket a daemon's socket
     * @return whether a daemon accepts connections on it
     */
    static boolean answers(Path socket) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int converse(List<String> args, OutputStream out, OutputStream err) throws IOException {
        byte[] request = Json.request(args, System.getenv(), System.getProperty("user.dir"))
                .getBytes(StandardCharsets.UTF_8);
        send((byte) 'R', request);
        for (String name : ForwardedSignals.NAMES) {
            Signal.handle(new Signal(name), s -> signal(s.getNumber()));
        }
        ByteBuffer head = ByteBuffer.allocate(4);
        while (true) {
            head.clear();
            if (!fill(head)) {
                return lost(err);
            }
            int length = head.flip().getInt();
            if (length < 1 || length > MAX_FRAME) {
                err.write(("jobshell: error: the daemon sent a bad frame (length " + length + ")\n")
                        .getBytes(StandardCharsets.UTF_8));
                return 1;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            if (!fill(body)) {
                return lost(err);
            }
            byte[] b = body.array();
            switch (b[0]) {
                case 'O':
                    try {
                        out.write(b, 1, length - 1);
                    } catch (IOException e) {
                        // the reader of our output went away: end the job as a pipeline would
                        signal(SIGPIPE);
                        return 128 + SIGPIPE;
                    }
                    break;
                case 'E':
                    err.write(b, 1, length - 1);
                    break;
                case 'I':
                    if (length == 5) {
                        grant(body.position(1).getInt()); // the command reads our standard input
                    }
                    break;
                case 'X':
                    return body.position(1).getInt();
                default:
                    break; // a frame type this client does not know: skipped
            }
        }
    }

    /**
     * Lets this many more bytes of standard input go to the daemon; the first grant starts sending it,
     * on a thread of its own, as it comes, then its end.
     */
    private synchronized void grant(int bytes) {
        credit += bytes;
        notifyAll();
        if (input == null) {
            input = new Thread(this::forwardInput, "jobshell-stdin");
            input.setDaemon(true);
            input.start();
        }
    }

    private void forwardInput() {
        byte[] buffer = new byte[8192];
        InputStream stdin = ForegroundInput.stdin();
        try {
            int n;
            while ((n = stdin.read(buffer, 0, take(buffer.length))) > 0) {
                send((byte) 'I', Arrays.copyOf(buffer, n));
                synchronized (this) {
                    credit -= n;
                }
            }
            send((byte) 'I', new byte[0]);
        } catch (IOException e) {
            // the daemon is gone, or our input is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return how many bytes may be read now, at most {@code max}: waits for credit */
    private synchronized int take(int max) throws InterruptedException {
        while (credit <= 0) {
            wait();
        }
        return (int) Math.min(max, credit);
    }

    private boolean fill(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int lost(OutputStream err) throws IOException {
        err.write(("jobshell: error: the daemon closed the connection before the command ended (it drops a"
                + " client that does not read its output fast enough, and stops when asked); a job goes on: see"
                + " 'jobshell jobs'\n").getBytes(StandardCharsets.UTF_8));
        return 1;
    }

    private void signal(int number) {
        try {
            ByteBuffer f = ByteBuffer.allocate(9).putInt(5).put((byte) 'S').putInt(number).flip();
            synchronized (this) {
                while (f.hasRemaining()) {
                    channel.write(f);
                }
            }
        } catch (IOException e) {
            // the daemon is gone: nothing to pass the signal to
        }
    }

    private synchronized void send(byte type, byte[] payload) throws IOException {
        if (payload.length + 1 > MAX_FRAME) {
            throw new IOException("the request is too large for one frame");
        }
        ByteBuffer f = ByteBuffer.allocate(5 + payload.length).putInt(payload.length + 1).put(type).put(payload).flip();
        while (f.hasRemaining()) {
            channel.write(f);
        }
    }
}
