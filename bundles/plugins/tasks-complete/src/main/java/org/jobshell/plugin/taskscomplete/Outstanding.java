package org.jobshell.plugin.taskscomplete;

import java.util.BitSet;

/** The shells of one job that have not finished yet, as the leader hears of them. */
final class Outstanding {

    private BitSet shells;

    /**
     * @param shellRank a shell that finished
     * @param size the number of shells of the job
     * @return whether it was the last one: true once per job
     */
    boolean finished(int shellRank, int size) {
        if (shells == null) {
            shells = new BitSet();
            shells.set(0, size);
        }
        boolean left = !shells.isEmpty();
        shells.clear(shellRank);
        return left && shells.isEmpty();
    }
}
