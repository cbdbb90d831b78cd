package org.jobshell.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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

    /** @return the text of every stderr frame up to the end of the stream, and the exit code */
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
            } else {
                text.append(new String(payload, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
