package org.jobshell.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test's own connection to the daemon's socket, to send it what bin/jobshell never would. */
final class RawClient implements AutoCloseable {

    private final SocketChannel channel;

    RawClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
    }

    RawClient send(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
        return this;
    }

    /** Sends one frame: length, type, payload. */
    RawClient frame(char type, String payload) throws IOException {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return send(ByteBuffer.allocate(5 + p.length).putInt(p.length + 1).put((byte) type).put(p).array());
    }

    /** Sends a request frame for a command line run in /tmp. */
    RawClient request(String argsJson) throws IOException {
        return frame('R', "{\"version\":1,\"args\":" + argsJson + ",\"env\":{\"PATH\":\"/usr/bin:/bin\"},\"cwd\":\"/tmp\"}");
    }

    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /**
     * @return the text of every output frame up to the end of the stream, and the exit code (frames
     *     granting credit for stdin are skipped)
     */
    String readAll() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        while (channel.read(b) >= 0) {
            all.write(b.array(), 0, b.position());
            b.clear();
        }
        ByteBuffer in = ByteBuffer.wrap(all.toByteArray());
        StringBuilder text = new StringBuilder();
        while (in.remaining() >= 5) {
            int length = in.getInt();
            byte type = in.get();
            byte[] payload = new byte[length - 1];
            in.get(payload);
            if (type == 'X') {
                text.append("exit ").append(ByteBuffer.wrap(payload).getInt());
            } else if (type != 'I') { // credit for stdin: this client sends none
                text.append(new String(payload, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private final List<String> collected = new CopyOnWriteArrayList<>();
    private Thread collector;

    /** @return the stdout lines received so far; starts collecting them in the background at the first call */
    synchronized List<String> lines() {
        if (collector == null) {
            collector = new Thread(() -> {
                try {
                    readFrames();
                } catch (IOException e) {
                    // closed by the test
                }
            });
            collector.setDaemon(true);
            collector.start();
        }
        return List.copyOf(collected);
    }

    /**
     * Reads frames until the end of the stream, as they come when called from a collector.
     *
     * @return each frame's text ({@code exit N} for the exit frame); frames granting credit for stdin are skipped
     */
    List<String> readFrames() throws IOException {
        List<String> frames = new ArrayList<>();
        ByteBuffer head = ByteBuffer.allocate(4);
        while (fill(head.clear())) {
            ByteBuffer body = ByteBuffer.allocate(head.flip().getInt());
            if (!fill(body)) {
                break;
            }
            byte[] b = body.array();
            if (b[0] == 'I') {
                continue; // credit for stdin: this client sends none
            }
            String text = b[0] == 'X' ? "exit " + ByteBuffer.wrap(b, 1, 4).getInt()
                    : new String(b, 1, b.length - 1, StandardCharsets.UTF_8);
            frames.add(text);
            if (collector == Thread.currentThread()) {
                collected.addAll(List.of(text.split("\n")));
            }
        }
        return frames;
    }

    private boolean fill(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
