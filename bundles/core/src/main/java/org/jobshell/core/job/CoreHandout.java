package org.jobshell.core.job;

import java.util.BitSet;

/**
 * Hands out the CPUs of this host to the shell ranks of one job, in ascending order and rank after
 * rank: with CPUs 0-3, a rank asking for 1 gets 0 and the next one asking for 2 gets 1-2. When the
 * CPUs run out the hand-out starts again from the first, so ranks then share CPUs; a rank never gets
 * a CPU twice, so one asking for more than there are gets all of them (its tasks are
 * oversubscribed, as a job of 1000 tasks on 2 cores must be).
 */
final class CoreHandout {

    private final int[] cpus;
    private int next;

    /** @param allowed the CPUs to hand out; none means every rank gets none */
    CoreHandout(BitSet allowed) {
        this.cpus = allowed.stream().toArray();
    }

    /**
     * @param count how many CPUs a rank asks for
     * @return its CPUs: the next {@code count} in order, all of them when that is more than there are
     */
    BitSet take(long count) {
        BitSet taken = new BitSet();
        if (count >= cpus.length) {
            for (int cpu : cpus) {
                taken.set(cpu);
            }
            return taken;
        }
        for (long i = 0; i < count; i++) {
            taken.set(cpus[next]);
            next = (next + 1) % cpus.length;
        }
        return taken;
    }
}
