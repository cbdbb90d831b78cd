package org.jobshell.posix;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Looks up C library functions as downcall handles. Each group of functions lives in its own holder
 * class ({@link Spawn}, {@link Io}, {@link Proc}), whose handles are made when it is first used: a
 * container that starts no task pays nothing for them.
 */
final class Native {

    /** The linker of this platform. */
    static final Linker LINKER = Linker.nativeLinker();
    /** The C library's symbols. */
    static final SymbolLookup LIBC = LINKER.defaultLookup();
    /** What {@link #withErrno} captures. */
    static final StructLayout CAPTURED = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURED.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private Native() {
    }

    /**
     * @param name a C function
     * @param descriptor its signature
     * @return a handle calling it
     * @throws UnsatisfiedLinkError when the C library lacks it (glibc older than 2.34 lacks closefrom_np)
     */
    static MethodHandle function(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor);
    }

    /**
     * @param name a C function that sets errno
     * @param descriptor its signature, without the leading capture segment the handle takes
     * @return a handle whose first argument is a segment of {@link #CAPTURED} layout that receives errno
     */
    static MethodHandle withErrno(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor, CAPTURE_ERRNO);
    }

    /**
     * @param captured a segment filled by a {@link #withErrno} call
     * @return the errno it captured
     */
    static int errno(MemorySegment captured) {
        return (int) ERRNO.get(captured, 0L);
    }

    private static MemorySegment symbol(String name) {
        return LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("the C library has no " + name));
    }

    /**
     * @param t what a downcall threw (it declares Throwable)
     * @return an unchecked exception to throw
     */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
