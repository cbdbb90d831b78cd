package org.jobshell.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Descriptors: pipes, reads, epoll, an eventfd to wake the loop, and errno's text. */
final class Io {

    /** O_CLOEXEC for pipe2, epoll_create1, eventfd. */
    static final int O_CLOEXEC = 02000000;
    /** O_RDONLY for open. */
    static final int O_RDONLY = 0;
    /** EINTR. */
    static final int EINTR = 4;
    /** EPOLL_CTL_ADD. */
    static final int EPOLL_CTL_ADD = 1;
    /** EPOLL_CTL_DEL. */
    static final int EPOLL_CTL_DEL = 2;
    /** EPOLLIN: readable (a pidfd: the process exited). */
    static final int EPOLLIN = 0x001;
    /** Bytes of a {@code struct epoll_event} (packed on x86_64: uint32 events, uint64 data). */
    static final long EPOLL_EVENT_SIZE = 12;

    private static final MethodHandle PIPE2 = Native.withErrno("pipe2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle READ = Native.withErrno("read",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE = Native.function("write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = Native.function("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EPOLL_CREATE = Native.withErrno("epoll_create1",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EPOLL_CTL = Native.withErrno("epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle EPOLL_WAIT = Native.withErrno("epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle EVENTFD = Native.withErrno("eventfd",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = Native.function("strerror",
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Io() {
    }

    static int pipe2(MemorySegment errno, MemorySegment fds, int flags) {
        try {
            return (int) PIPE2.invokeExact(errno, fds, flags);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static long read(MemorySegment errno, int fd, MemorySegment buffer, long size) {
        try {
            return (long) READ.invokeExact(errno, fd, buffer, size);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static long write(int fd, MemorySegment buffer, long size) {
        try {
            return (long) WRITE.invokeExact(fd, buffer, size);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int epollCreate(MemorySegment errno, int flags) {
        try {
            return (int) EPOLL_CREATE.invokeExact(errno, flags);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int epollCtl(MemorySegment errno, int epfd, int op, int fd, MemorySegment event) {
        try {
            return (int) EPOLL_CTL.invokeExact(errno, epfd, op, fd, event);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int epollWait(MemorySegment errno, int epfd, MemorySegment events, int max, int timeout) {
        try {
            return (int) EPOLL_WAIT.invokeExact(errno, epfd, events, max, timeout);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int eventfd(MemorySegment errno, int initial, int flags) {
        try {
            return (int) EVENTFD.invokeExact(errno, initial, flags);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * @param errno an error number
     * @return the C library's text for it, e.g. {@code No such file or directory}
     */
    static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }
}
