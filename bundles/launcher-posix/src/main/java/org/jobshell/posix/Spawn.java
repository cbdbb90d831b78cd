package org.jobshell.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * glibc's posix_spawn(3) and what prepares it: file actions, attributes, signal sets. The opaque
 * structs have fixed sizes on Linux x86_64 and aarch64 (file actions 80 bytes, attributes 336,
 * sigset_t 128); they are allocated larger, to be safe.
 */
final class Spawn {

    /** Bytes to allocate for a {@code posix_spawn_file_actions_t} (80 on glibc x86_64). */
    static final long FILE_ACTIONS_SIZE = 128;
    /** Bytes to allocate for a {@code posix_spawnattr_t} (336 on glibc x86_64). */
    static final long ATTR_SIZE = 512;
    /** Bytes of a {@code sigset_t}. */
    static final long SIGSET_SIZE = 128;

    /** The child gets its own process group. */
    static final short SETPGROUP = 0x02;
    /** The signals in the attribute's default set are reset to SIG_DFL. */
    static final short SETSIGDEF = 0x04;
    /** The child's signal mask is the attribute's. */
    static final short SETSIGMASK = 0x08;

    private static final FunctionDescriptor INT_PTR = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    private static final MethodHandle SPAWN = Native.function("posix_spawn",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle FA_INIT = Native.function("posix_spawn_file_actions_init", INT_PTR);
    private static final MethodHandle FA_DESTROY = Native.function("posix_spawn_file_actions_destroy", INT_PTR);
    private static final MethodHandle FA_DUP2 = Native.function("posix_spawn_file_actions_adddup2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle FA_OPEN = Native.function("posix_spawn_file_actions_addopen",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle FA_CLOSEFROM = Native.function("posix_spawn_file_actions_addclosefrom_np",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle FA_CHDIR = Native.function("posix_spawn_file_actions_addchdir_np",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ATTR_INIT = Native.function("posix_spawnattr_init", INT_PTR);
    private static final MethodHandle ATTR_DESTROY = Native.function("posix_spawnattr_destroy", INT_PTR);
    private static final MethodHandle ATTR_FLAGS = Native.function("posix_spawnattr_setflags",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
    private static final MethodHandle ATTR_PGROUP = Native.function("posix_spawnattr_setpgroup",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle ATTR_SIGMASK = Native.function("posix_spawnattr_setsigmask",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ATTR_SIGDEFAULT = Native.function("posix_spawnattr_setsigdefault",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SIG_EMPTY = Native.function("sigemptyset", INT_PTR);
    private static final MethodHandle SIG_FILL = Native.function("sigfillset", INT_PTR);

    private Spawn() {
    }

    static int spawn(MemorySegment pid, MemorySegment path, MemorySegment actions, MemorySegment attr,
            MemorySegment argv, MemorySegment envp) {
        try {
            return (int) SPAWN.invokeExact(pid, path, actions, attr, argv, envp);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int actionsInit(MemorySegment actions) {
        return ptr(FA_INIT, actions);
    }

    static int actionsDestroy(MemorySegment actions) {
        return ptr(FA_DESTROY, actions);
    }

    static int dup2(MemorySegment actions, int fd, int newFd) {
        try {
            return (int) FA_DUP2.invokeExact(actions, fd, newFd);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int open(MemorySegment actions, int fd, MemorySegment path, int flags, int mode) {
        try {
            return (int) FA_OPEN.invokeExact(actions, fd, path, flags, mode);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int closeFrom(MemorySegment actions, int from) {
        try {
            return (int) FA_CLOSEFROM.invokeExact(actions, from);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int chdir(MemorySegment actions, MemorySegment path) {
        return ptrPtr(FA_CHDIR, actions, path);
    }

    static int attrInit(MemorySegment attr) {
        return ptr(ATTR_INIT, attr);
    }

    static int attrDestroy(MemorySegment attr) {
        return ptr(ATTR_DESTROY, attr);
    }

    static int flags(MemorySegment attr, short flags) {
        try {
            return (int) ATTR_FLAGS.invokeExact(attr, flags);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int processGroup(MemorySegment attr, int pgid) {
        try {
            return (int) ATTR_PGROUP.invokeExact(attr, pgid);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    static int signalMask(MemorySegment attr, MemorySegment set) {
        return ptrPtr(ATTR_SIGMASK, attr, set);
    }

    static int signalDefaults(MemorySegment attr, MemorySegment set) {
        return ptrPtr(ATTR_SIGDEFAULT, attr, set);
    }

    static int emptySet(MemorySegment set) {
        return ptr(SIG_EMPTY, set);
    }

    static int fullSet(MemorySegment set) {
        return ptr(SIG_FILL, set);
    }

    private static int ptr(MethodHandle h, MemorySegment a) {
        try {
            return (int) h.invokeExact(a);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    private static int ptrPtr(MethodHandle h, MemorySegment a, MemorySegment b) {
        try {
            return (int) h.invokeExact(a, b);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }
}
