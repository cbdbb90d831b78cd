package org.jobshell.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Processes: pidfds, waitid(P_PIDFD), signals to process groups, CPU affinity. */
final class Proc {

    /** waitid's idtype for a pidfd (Linux 5.4). */
    static final int P_PIDFD = 3;
    /** waitid: wait for processes that exited. */
    static final int WEXITED = 4;
    /** si_code: exited normally. */
    static final int CLD_EXITED = 1;
    /** si_code: killed by a signal. */
    static final int CLD_KILLED = 2;
    /** si_code: killed by a signal, and dumped core. */
    static final int CLD_DUMPED = 3;
    /** Bytes of a {@code siginfo_t}. */
    static final long SIGINFO_SIZE = 128;
    /** Offset of si_pid in siginfo_t (for SIGCHLD). */
    static final long SI_PID = 16;
    /** Offset of si_code in siginfo_t. */
    static final long SI_CODE = 8;
    /** Offset of si_status in siginfo_t (for SIGCHLD). */
    static final long SI_STATUS = 24;
    /** Bytes of a {@code cpu_set_t} (1024 CPUs). */
    static final long CPU_SET_SIZE = 128;

    private static final MethodHandle PIDFD_OPEN = Native.withErrno("pidfd_open",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle WAITID = Native.withErrno("waitid",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle KILL = Native.withErrno("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GET_AFFINITY = Native.withErrno("sched_getaffinity",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
    private static final MethodHandle SET_AFFINITY = Native.withErrno("sched_setaffinity",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));

    private Proc() {
    }

    static int pidfdOpen(MemorySegment errno, int pid) {
        try {
            return (int) PIDFD_OPEN.invokeExact(errno, pid, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int waitid(MemorySegment errno, int pidfd, MemorySegment siginfo, int options) {
        try {
            return (int) WAITID.invokeExact(errno, P_PIDFD, pidfd, siginfo, WEXITED | options);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int kill(MemorySegment errno, int pid, int signal) {
        try {
            return (int) KILL.invokeExact(errno, pid, signal);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** @return 0, or -1 with errno; the calling thread's mask when {@code tid} is 0 */
    static int getAffinity(MemorySegment errno, int tid, MemorySegment set) {
        try {
            return (int) GET_AFFINITY.invokeExact(errno, tid, CPU_SET_SIZE, set);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** @return 0, or -1 with errno; the calling thread's mask when {@code tid} is 0 */
    static int setAffinity(MemorySegment errno, int tid, MemorySegment set) {
        try {
            return (int) SET_AFFINITY.invokeExact(errno, tid, CPU_SET_SIZE, set);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }
}
