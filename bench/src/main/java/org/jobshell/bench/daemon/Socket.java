package org.jobshell.bench.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One conversation with the daemon (docs/PROTOCOL.md): a request, then frames until the exit frame. */
final class Socket implements AutoCloseable {

    private final SocketChannel channel;

    Socket(Path socket, String argsJson) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        byte[] p = ("{\"version\":1,\"args\":" + argsJson + ",\"env\":{\"PATH\":\"/usr/bin:/bin\"},\"cwd\":\"/tmp\"}")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer f = ByteBuffer.allocate(5 + p.length).putInt(p.length + 1).put((byte) 'R').put(p).flip();
        while (f.hasRemaining()) {
            channel.write(f);
        }
    }

    /**
     * @return the next stdout frame's text, or null at the exit frame or the end
     */
    String next() throws IOException {
        while (true) {
            ByteBuffer head = ByteBuffer.allocate(4);
            if (!fill(head)) {
                return null;
            }
            ByteBuffer body = ByteBuffer.allocate(head.flip().getInt());
            if (!fill(body)) {
                return null;
            }
            byte type = body.get(0);
            if (type == 'X') {
                return null;
            }
            if (type == 'O') {
                return new String(body.array(), 1, body.capacity() - 1, StandardCharsets.UTF_8);
            }
        }
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
