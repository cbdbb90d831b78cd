package org.jobshell.plugin.pmisimple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellLog;
import org.jobshell.api.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PMI_PORT connections are served only when /proc says a task of the shell holds the socket. */
class TaskSocketsTest {

    @TempDir
    Path proc;

    private final List<String> warnings = new ArrayList<>();

    private Shell shell(long taskPid) {
        Task task = (Task) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Task.class},
                (p, m, a) -> m.getName().equals("pid") ? taskPid : null);
        ShellLog log = (ShellLog) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ShellLog.class},
                (p, m, a) -> {
                    warnings.add(m.getName() + ": " + a[0]);
                    return null;
                });
        return (Shell) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Shell.class},
                (p, m, a) -> m.getName().equals("tasks") ? List.of(task) : m.getName().equals("log") ? log : null);
    }

    /** A connected loopback socket, described in the fake /proc/net/tcp as inode 4242 of that uid. */
    private boolean connect(Shell shell, String uid, String heldBy) throws Exception {
        Files.createDirectories(proc.resolve("net"));
        Files.createDirectories(proc.resolve("self"));
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                    SocketChannel accepted = server.accept()) {
                int peer = ((InetSocketAddress) client.getLocalAddress()).getPort();
                int local = ((InetSocketAddress) server.getLocalAddress()).getPort();
                Files.writeString(proc.resolve("net/tcp"), String.format(Locale.ROOT,
                        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode%n"
                        + "   0: 0100007F:%04X 0100007F:%04X 01 00000000:00000000 00:00000000 00000000 %s 0 4242 1%n",
                        peer, local, uid));
                Path fds = Files.createDirectories(proc.resolve(heldBy).resolve("fd"));
                Files.createSymbolicLink(fds.resolve("7"), Path.of("socket:[4242]"));
                return new TaskSockets(shell, proc).test(accepted);
            }
        }
    }

    private String ownUid() throws Exception {
        return String.valueOf(Files.getAttribute(proc, "unix:uid"));
    }

    @Test
    void aSocketATaskHoldsIsServed() throws Exception {
        assertTrue(connect(shell(100), ownUid(), "100"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aSocketOfAnotherUserIsRefusedAtOnce() throws Exception {
        assertFalse(connect(shell(100), "65534", "100"));
        assertEquals(List.of("warn: refused a PMI_PORT connection of uid 65534: not this job's user"), warnings);
    }

    @Test
    void aSocketOfTheSameUserThatNoTaskHoldsIsRefused() throws Exception {
        assertFalse(connect(shell(100), ownUid(), "200"));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).endsWith(": not a task of this job"), warnings.toString());
    }
}
