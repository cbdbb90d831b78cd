package org.jobshell.posix;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.ExitStatus;
import org.jobshell.core.spi.ProcessObserver;

/**
 * The one thread that serves every task of the container: an epoll set holding each task's stdout
 * and stderr pipes and its pidfd. A readable pipe is read (64 KiB at most per wake-up, so every task
 * gets its turn); a readable pidfd means the process exited, and {@code waitid(P_PIDFD)} reaps
 * exactly it, with its exact status. Nothing ever waits for "any child", so processes the JDK started
 * are left to the JDK. Spawning threads add descriptors directly (epoll_ctl is thread-safe): no
 * wake-up, no queue.
 */
final class TaskLoop implements AutoCloseable {

    private static final int MAX_EVENTS = 256;
    private static final int BUFFER = 64 * 1024;
    private static final int WNOHANG = 1;

    private enum Kind { STDOUT, STDERR, EXIT }

    /** One descriptor the loop serves; its epoll data is {@code id}, never reused. */
    private record Watch(long id, int fd, Kind kind, ProcessObserver observer) {
    }

    private final Map<Long, Watch> watches = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Arena arena = Arena.ofShared();
    private final int epoll;
    private final int wake;
    private final Thread thread;
    private volatile boolean closed;

    TaskLoop() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = a.allocate(Native.CAPTURED);
            epoll = Io.epollCreate(errno, Io.O_CLOEXEC);
            if (epoll < 0) {
                throw new IllegalStateException("epoll_create1: " + Io.strerror(Native.errno(errno)));
            }
            wake = Io.eventfd(errno, 0, Io.O_CLOEXEC);
            if (wake < 0) {
                throw new IllegalStateException("eventfd: " + Io.strerror(Native.errno(errno)));
            }
            MemorySegment event = a.allocate(Io.EPOLL_EVENT_SIZE);
            event.set(JAVA_INT_UNALIGNED, 0, Io.EPOLLIN);
            event.set(JAVA_LONG_UNALIGNED, 4, 0L); // id 0: the wake-up, in no watch
            if (Io.epollCtl(errno, epoll, Io.EPOLL_CTL_ADD, wake, event) != 0) {
                throw new IllegalStateException("epoll_ctl: " + Io.strerror(Native.errno(errno)));
            }
        }
        thread = new Thread(this::run, "jobshell-posix-io");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts serving a task. The descriptors belong to the loop from now on: it closes them.
     *
     * @param stdout the read end of the task's stdout pipe
     * @param stderr the read end of its stderr pipe
     * @param pidfd its pidfd
     * @param observer told about output, end of file and exit, on this loop's thread
     */
    void watch(int stdout, int stderr, int pidfd, ProcessObserver observer) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = a.allocate(Native.CAPTURED);
            add(a, errno, new Watch(ids.incrementAndGet(), stdout, Kind.STDOUT, observer));
            add(a, errno, new Watch(ids.incrementAndGet(), stderr, Kind.STDERR, observer));
            add(a, errno, new Watch(ids.incrementAndGet(), pidfd, Kind.EXIT, observer));
        }
    }

    private void add(Arena a, MemorySegment errno, Watch w) {
        watches.put(w.id, w);
        MemorySegment event = a.allocate(Io.EPOLL_EVENT_SIZE);
        event.set(JAVA_INT_UNALIGNED, 0, Io.EPOLLIN);
        event.set(JAVA_LONG_UNALIGNED, 4, w.id);
        if (Io.epollCtl(errno, epoll, Io.EPOLL_CTL_ADD, w.fd, event) != 0) {
            watches.remove(w.id);
            throw new IllegalStateException("epoll_ctl: " + Io.strerror(Native.errno(errno)));
        }
    }

    private void run() {
        MemorySegment events = arena.allocate(Io.EPOLL_EVENT_SIZE * MAX_EVENTS, 8);
        MemorySegment buffer = arena.allocate(BUFFER, 8);
        MemorySegment siginfo = arena.allocate(Proc.SIGINFO_SIZE, 8);
        MemorySegment errno = arena.allocate(Native.CAPTURED);
        ByteBuffer view = buffer.asByteBuffer();
        while (!closed) {
            int n = Io.epollWait(errno, epoll, events, MAX_EVENTS, -1);
            if (n < 0) {
                continue; // EINTR: a signal arrived; nothing else fails on a valid epoll descriptor
            }
            for (int i = 0; i < n && !closed; i++) {
                Watch w = watches.get(events.get(JAVA_LONG_UNALIGNED, i * Io.EPOLL_EVENT_SIZE + 4));
                if (w != null) {
                    serve(w, errno, buffer, view, siginfo);
                }
            }
        }
        for (Watch w : watches.values()) {
            Io.close(w.fd);
        }
        Io.close(wake);
        Io.close(epoll);
        arena.close();
    }

    private void serve(Watch w, MemorySegment errno, MemorySegment buffer, ByteBuffer view, MemorySegment siginfo) {
        try {
            if (w.kind == Kind.EXIT) {
                reap(w, errno, siginfo);
            } else {
                read(w, errno, buffer, view);
            }
        } catch (RuntimeException e) {
            // an observer that throws must not stop every other task's output: the core guards its own
        }
    }

    private void read(Watch w, MemorySegment errno, MemorySegment buffer, ByteBuffer view) {
        long n = Io.read(errno, w.fd, buffer, BUFFER);
        TaskStream stream = w.kind == Kind.STDOUT ? TaskStream.STDOUT : TaskStream.STDERR;
        if (n > 0) {
            view.clear().limit((int) n);
            w.observer.data(stream, view);
        } else if (n < 0 && Native.errno(errno) == Io.EINTR) {
            return; // level-triggered: it is still readable, and comes back
        } else {
            forget(w, errno);
            w.observer.eof(stream);
        }
    }

    private void reap(Watch w, MemorySegment errno, MemorySegment siginfo) {
        siginfo.fill((byte) 0);
        int rc = Proc.waitid(errno, w.fd, siginfo, WNOHANG);
        if (rc == 0 && siginfo.get(JAVA_INT, Proc.SI_PID) == 0) {
            return; // not exited after all
        }
        forget(w, errno);
        w.observer.exited(rc == 0 ? status(siginfo) : ExitStatus.exited(255));
    }

    private static ExitStatus status(MemorySegment siginfo) {
        int code = siginfo.get(JAVA_INT, Proc.SI_CODE);
        int status = siginfo.get(JAVA_INT, Proc.SI_STATUS);
        if (code == Proc.CLD_EXITED) {
            return ExitStatus.exited(status);
        }
        return ExitStatus.killed(status, code == Proc.CLD_DUMPED);
    }

    /**
     * Takes the descriptor out of the epoll set, then closes it. Closing alone would not do: while a
     * concurrent spawn's child holds a copy of it (until its exec), epoll keeps the registration and
     * would report it again under a number that a new task may have got meanwhile.
     */
    private void forget(Watch w, MemorySegment errno) {
        watches.remove(w.id);
        Io.epollCtl(errno, epoll, Io.EPOLL_CTL_DEL, w.fd, MemorySegment.NULL);
        Io.close(w.fd);
    }

    /** @return how many descriptors the loop serves (3 per live task) */
    int watched() {
        return watches.size();
    }

    /** Stops the thread; it closes every descriptor it still holds. */
    @Override
    public void close() {
        closed = true;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment one = a.allocate(JAVA_LONG);
            one.set(JAVA_LONG, 0, 1L);
            Io.write(wake, one, 8);
        }
    }
}
