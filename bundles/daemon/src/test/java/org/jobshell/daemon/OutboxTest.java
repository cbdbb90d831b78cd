package org.jobshell.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's outbox never makes its writer wait: a client that reads gets every frame, one that
 * does not is dropped once more than the limit waits for it, and writing on costs nothing.
 */
class OutboxTest {

    @TempDir
    Path dir;

    /** @return [daemon side, client side] of a connected unix socket */
    private SocketChannel[] pair() throws Exception {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("s")));
        SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("s")));
        SocketChannel daemon = server.accept();
        server.close();
        return new SocketChannel[] {daemon, client};
    }

    @Test
    void aClientThatReadsGetsEveryFrame() throws Exception {
        SocketChannel[] s = pair();
        Outbox box = new Outbox(s[0], 1 << 20, "test-out");
        OutputStream out = box.stream(Frames.STDOUT);
        out.write("hello ".getBytes());
        out.write("world".getBytes());
        box.put(Frames.number(Frames.EXIT, 3));
        box.finish(5_000);
        StringBuilder text = new StringBuilder();
        Frames.Frame f;
        while ((f = Frames.read(s[1])) != null && f.type() == Frames.STDOUT) {
            text.append(new String(f.payload()));
        }
        assertEquals("hello world", text.toString());
        assertEquals(3, Frames.number(f.payload()));
        assertFalse(box.dropped());
    }

    @Test
    @Timeout(60) // a writer that waited on the client would hang here: fail instead
    void aClientThatDoesNotReadIsDroppedAndWritingGoesOnWithoutWaiting() throws Exception {
        SocketChannel[] s = pair();
        Outbox box = new Outbox(s[0], 64 * 1024, "test-out");
        OutputStream out = box.stream(Frames.STDOUT);
        byte[] chunk = new byte[8192];
        for (int i = 0; i < 10_000; i++) { // 80 MB, far more than the socket and the limit take
            out.write(chunk);
        }
        assertTrue(box.dropped(), "more than the limit waited: dropped");
        assertFalse(s[0].isOpen(), "and its connection closed");
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        long got = 0;
        int n;
        while ((n = s[1].read(b.clear())) > 0) {
            got += n;
        }
        assertTrue(got < 10_000L * 8192, "the client got only what the socket held before the drop: " + got);
    }
}
