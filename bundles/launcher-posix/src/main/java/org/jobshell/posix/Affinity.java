package org.jobshell.posix;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.BitSet;
import java.util.function.IntSupplier;

/**
 * A task's CPU set, applied without a {@code taskset} exec: the spawning thread binds itself to the
 * set, spawns (the child inherits the mask), and takes its own mask back. Nothing changes when the set
 * is the thread's own already.
 */
final class Affinity {

    private Affinity() {
    }

    /**
     * @param arena where to allocate the masks
     * @param cpus the task's CPUs, or null to leave affinity alone
     * @param spawn the spawn, returning posix_spawn's result
     * @return the spawn's result
     * @throws IllegalArgumentException when the set cannot be applied (no such CPU, or not allowed)
     */
    static int around(Arena arena, BitSet cpus, IntSupplier spawn) {
        if (cpus == null || cpus.isEmpty()) {
            return spawn.getAsInt();
        }
        MemorySegment errno = arena.allocate(Native.CAPTURED);
        MemorySegment own = arena.allocate(Proc.CPU_SET_SIZE, 8);
        if (Proc.getAffinity(errno, 0, own) != 0) {
            throw new IllegalArgumentException("sched_getaffinity: " + Io.strerror(Native.errno(errno)));
        }
        MemorySegment wanted = mask(arena, cpus);
        if (wanted.mismatch(own) < 0) {
            return spawn.getAsInt();
        }
        if (Proc.setAffinity(errno, 0, wanted) != 0) {
            throw new IllegalArgumentException("cannot bind the task to CPUs " + cpus + ": "
                    + Io.strerror(Native.errno(errno)));
        }
        try {
            return spawn.getAsInt();
        } finally {
            Proc.setAffinity(errno, 0, own);
        }
    }

    private static MemorySegment mask(Arena arena, BitSet cpus) {
        MemorySegment m = arena.allocate(Proc.CPU_SET_SIZE, 8);
        long[] words = cpus.toLongArray();
        for (int i = 0; i < words.length && i < Proc.CPU_SET_SIZE / 8; i++) {
            m.set(JAVA_LONG, i * 8L, words[i]);
        }
        return m;
    }
}
