package org.jobshell.plugin.pmisimple;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Connected pairs of Unix domain sockets, what {@code socketpair(2)} gives C, made through a listening
 * socket in a private directory (mode 0700) that only this shell knows and that is gone on
 * {@link #close()}, which the shell calls once its last task has its pair. Closing twice is harmless.
 */
final class SocketPairs implements AutoCloseable {

    /**
     * A connected pair.
     *
     * @param shell the shell's end
     * @param task the end the task inherits
     */
    record Pair(SocketChannel shell, SocketChannel task) {
    }

    private final Path dir;
    private final UnixDomainSocketAddress address;
    private final ServerSocketChannel server;

    /** @throws IOException when the directory or the socket cannot be made */
    SocketPairs() throws IOException {
        dir = Files.createTempDirectory("jobshell-pmi-");
        address = UnixDomainSocketAddress.of(dir.resolve("s"));
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(address);
    }

    /**
     * @return a new connected pair, both ends blocking
     * @throws IOException when it cannot be made
     */
    Pair pair() throws IOException {
        SocketChannel task = SocketChannel.open(address);
        return new Pair(server.accept(), task);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(address.getPath());
        Files.deleteIfExists(dir);
    }
}
