package org.jobshell.plugin.pmisimple;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jobshell.api.Shell;
import org.jobshell.api.Task;

/**
 * Whether a connection to {@code PMI_PORT} comes from one of this shell's tasks. A loopback port can
 * be reached by any local user, so Linux's {@code /proc} decides: the connecting socket
 * ({@code /proc/net/tcp}, found by its two ports) must belong to this process's user, and its inode
 * must be open in a task of this shell or in a process a task started ({@code /proc/PID/fd}). A task
 * may connect before its pid is known to the shell: a socket not found is looked for again, for up to
 * a second.
 */
final class TaskSockets implements Predicate<SocketChannel> {

    private static final int LOOKS = 20;
    private static final long PAUSE_MILLIS = 50;

    private final Shell shell;
    private final Path proc;

    TaskSockets(Shell shell) {
        this(shell, Path.of("/proc"));
    }

    TaskSockets(Shell shell, Path proc) {
        this.shell = shell;
        this.proc = proc;
    }

    @Override
    public boolean test(SocketChannel channel) {
        try {
            int peer = ((InetSocketAddress) channel.getRemoteAddress()).getPort();
            int local = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            for (int look = 0; look < LOOKS; look++) {
                String[] socket = socket(peer, local);
                if (socket != null && !uidOf(socket).equals(ownUid())) {
                    shell.log().warn("refused a PMI_PORT connection of uid " + uidOf(socket)
                            + ": not this job's user");
                    return false;
                }
                if (socket != null && heldByTask(inodeOf(socket))) {
                    return true;
                }
                Thread.sleep(PAUSE_MILLIS);
            }
            shell.log().warn("refused a PMI_PORT connection from port " + peer + ": not a task of this job");
        } catch (IOException e) {
            shell.log().warn("refused a PMI_PORT connection: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** @return the fields of the {@code /proc/net/tcp} line of the socket from port {@code peer} to {@code local} */
    private String[] socket(int peer, int local) throws IOException {
        String from = String.format(Locale.ROOT, ":%04X", peer);
        String to = String.format(Locale.ROOT, ":%04X", local);
        for (String line : Files.readAllLines(proc.resolve("net/tcp"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[1].endsWith(from) && f[2].endsWith(to)) {
                return f;
            }
        }
        return null;
    }

    private static String uidOf(String[] socket) {
        return socket[7];
    }

    private static String inodeOf(String[] socket) {
        return socket[9];
    }

    private String ownUid() throws IOException {
        return String.valueOf(Files.getAttribute(proc.resolve("self"), "unix:uid"));
    }

    private boolean heldByTask(String inode) {
        String link = "socket:[" + inode + "]";
        Deque<Long> pids = new ArrayDeque<>();
        for (Task t : shell.tasks()) {
            if (t.pid() > 0) {
                pids.add(t.pid());
            }
        }
        while (!pids.isEmpty()) {
            Path pid = proc.resolve(Long.toString(pids.pop()));
            if (holds(pid.resolve("fd"), link)) {
                return true;
            }
            pids.addAll(children(pid));
        }
        return false;
    }

    private static boolean holds(Path fds, String link) {
        try (Stream<Path> list = Files.list(fds)) {
            return list.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(link);
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            });
        } catch (IOException e) {
            return false; // gone, or not ours to read
        }
    }

    private static List<Long> children(Path pid) {
        try (Stream<Path> threads = Files.list(pid.resolve("task"))) {
            return threads.flatMap(t -> {
                try {
                    String text = Files.readString(t.resolve("children")).trim();
                    return text.isEmpty() ? Stream.empty() : Stream.of(text.split("\\s+")).map(Long::valueOf);
                } catch (IOException e) {
                    return Stream.empty();
                }
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
