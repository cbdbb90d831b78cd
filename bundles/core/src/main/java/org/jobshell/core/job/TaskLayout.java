package org.jobshell.core.job;

import java.util.BitSet;
import org.jobshell.api.TaskMap;

/**
 * Which shell runs which tasks: an RFC 34 task map over the job's shells. A job starts with the
 * default block map, where shell r runs a consecutive range of task ranks and the counts differ by
 * at most one (the first shells get the extra tasks); the {@code taskmap} option may replace it with
 * another map of as many shells and tasks ({@link ShellTaskmap}).
 */
public final class TaskLayout {

    private final TaskMap map;
    private final int shells;
    private final BitSet[] ids;

    /**
     * The default block map.
     *
     * @param totalTasks the number of tasks
     * @param nshells the number of shells
     */
    public TaskLayout(int totalTasks, int nshells) {
        this(TaskMap.block(blockCounts(totalTasks, nshells)), nshells);
    }

    /**
     * @param map the task map
     * @param nshells the number of shells (a shell may run no task)
     */
    public TaskLayout(TaskMap map, int nshells) {
        this.map = map;
        this.shells = nshells;
        this.ids = new BitSet[nshells];
        for (int r = 0; r < nshells; r++) {
            ids[r] = map.taskIds(r);
        }
    }

    private static int[] blockCounts(int totalTasks, int nshells) {
        int[] counts = new int[nshells];
        for (int r = 0; r < nshells; r++) {
            counts[r] = totalTasks / nshells + (r < totalTasks % nshells ? 1 : 0);
        }
        return counts;
    }

    /** @return the number of shells */
    public int shells() {
        return shells;
    }

    /** @return the number of tasks */
    public int totalTasks() {
        return map.totalTasks();
    }

    /**
     * @param shellRank a shell
     * @return how many tasks it runs
     */
    public int count(int shellRank) {
        return ids[shellRank].cardinality();
    }

    /**
     * @param shellRank a shell
     * @return its task ranks
     */
    public BitSet taskIds(int shellRank) {
        return (BitSet) ids[shellRank].clone();
    }

    /** @return the task map, e.g. {@code {"version":1,"map":[[0,2,2,1]]}} */
    public TaskMap taskmap() {
        return map;
    }
}
