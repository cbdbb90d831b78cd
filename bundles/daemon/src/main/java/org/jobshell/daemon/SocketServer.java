package org.jobshell.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobshell.api.admin.JobService;
import org.jobshell.api.admin.JobState;
import org.jobshell.launch.Command;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The daemon's unix socket, {@code <run dir>/jobshell.sock}: the directory is made 0700 and the
 * socket 0600, and each connection's peer is checked ({@link Peer}) before anything else. One
 * thread accepts; each client gets a {@link Connection} on a thread of a pool. A socket file left
 * by a daemon that died is replaced; one a live daemon answers on is not (this one fails to start).
 */
@Component(immediate = true)
public final class SocketServer {

    /** The socket's file name in the run directory. */
    static final String SOCKET = "jobshell.sock";
    /** The most clients served at once; one more is refused in one line. */
    static final int MAX_CLIENTS = 1024;

    private final Path socket;
    private final ServerSocketChannel server;
    private final Connection.Context context;
    private final ExecutorService clients;
    private final ScheduledExecutorService timer;
    private final Thread acceptor;
    private final JobService jobs;
    private final long stopGraceMillis;
    private final AtomicInteger active = new AtomicInteger();

    /**
     * @param bundleContext settings
     * @param command the command line, which runs each request
     * @param events the event stream of {@code jobshell events}
     * @param jobs the container's jobs, which a stopping daemon lets end
     * @throws IOException when the socket cannot be made
     */
    @Activate
    public SocketServer(BundleContext bundleContext, @Reference Command command, @Reference EventHub events,
            @Reference JobService jobs) throws IOException {
        this.jobs = jobs;
        this.stopGraceMillis = DaemonSettings.number(bundleContext, DaemonSettings.STOP_GRACE,
                DaemonSettings.DEFAULT_STOP_GRACE_MS);
        Path dir = DaemonSettings.path(bundleContext, DaemonSettings.RUN_DIR, "var/run");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        socket = dir.resolve(SOCKET);
        if (Files.exists(socket)) {
            if (answers(socket)) {
                throw new IOException("a daemon already answers on " + socket);
            }
            Files.delete(socket);
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        AtomicInteger n = new AtomicInteger();
        clients = Executors.newCachedThreadPool(r -> daemonThread(r, "jobshell-client-" + n.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemonThread(r, "jobshell-client-timer"));
        context = new Connection.Context(command, events, new ObjectMapper(), System.getProperty("user.name"),
                DaemonSettings.number(bundleContext, DaemonSettings.CLIENT_BUFFER, DaemonSettings.DEFAULT_CLIENT_BUFFER),
                timer);
        acceptor = daemonThread(this::accept, "jobshell-accept");
        acceptor.start();
    }

    private long running() {
        return jobs.jobs().stream().filter(j -> j.state() == JobState.RUNNING).count();
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void accept() {
        while (true) {
            try {
                SocketChannel c = server.accept();
                boolean admitted = active.incrementAndGet() <= MAX_CLIENTS;
                clients.execute(() -> {
                    try {
                        Connection connection = new Connection(c, context);
                        if (admitted) {
                            connection.run();
                        } else {
                            connection.refuse("the daemon serves " + MAX_CLIENTS + " clients at once: try again");
                        }
                    } finally {
                        active.decrementAndGet();
                    }
                });
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // one failed accept (out of descriptors, a rejected execution) must not end the server
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops taking clients, then lets running jobs end for the stop grace period; what still runs
     * after it is killed by the core as it stops.
     */
    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        server.close();
        Files.deleteIfExists(socket);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stopGraceMillis);
        long running = running();
        if (running > 0) {
            System.err.println("jobshell daemon: letting " + running + " running job(s) end, for at most "
                    + stopGraceMillis + " ms");
        }
        while (running > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            running = running();
        }
        if (running > 0) {
            System.err.println("jobshell daemon: killing " + running + " job(s) still running");
        }
        clients.shutdownNow();
        timer.shutdownNow();
    }
}
