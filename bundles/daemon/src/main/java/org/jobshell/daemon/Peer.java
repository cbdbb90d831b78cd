package org.jobshell.daemon;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Who is at the other end of a unix socket, from the kernel ({@code SO_PEERCRED}), and whether
 * they may talk to the daemon: only the daemon's own user and root.
 */
final class Peer {

    private Peer() {
    }

    /**
     * @param channel a connected unix socket
     * @return the peer's user name (its uid when it has no name)
     */
    static String user(SocketChannel channel) throws IOException {
        UnixDomainPrincipal p = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return p.user().getName();
    }

    /**
     * @param peer a peer's user name
     * @param daemonUser the daemon's
     * @return whether the peer may use the daemon
     */
    static boolean allowed(String peer, String daemonUser) {
        return peer.equals(daemonUser) || peer.equals("root");
    }
}
