package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.BitSet;

/**
 * Which shell runs which tasks: the default block map, where shell r runs a consecutive range of
 * task ranks and the counts differ by at most one (the first shells get the extra tasks).
 */
public final class TaskLayout {

    private final int[] counts;
    private final int[] firsts;
    private final int total;

    /**
     * @param totalTasks the number of tasks
     * @param nshells the number of shells
     */
    public TaskLayout(int totalTasks, int nshells) {
        this.total = totalTasks;
        this.counts = new int[nshells];
        this.firsts = new int[nshells];
        int next = 0;
        for (int r = 0; r < nshells; r++) {
            counts[r] = totalTasks / nshells + (r < totalTasks % nshells ? 1 : 0);
            firsts[r] = next;
            next += counts[r];
        }
    }

    /** @return the number of shells */
    public int shells() {
        return counts.length;
    }

    /** @return the number of tasks */
    public int totalTasks() {
        return total;
    }

    /**
     * @param shellRank a shell
     * @return how many tasks it runs
     */
    public int count(int shellRank) {
        return counts[shellRank];
    }

    /**
     * @param shellRank a shell
     * @return the rank of its first task
     */
    public int first(int shellRank) {
        return firsts[shellRank];
    }

    /**
     * @param shellRank a shell
     * @return its task ranks
     */
    public BitSet taskIds(int shellRank) {
        BitSet ids = new BitSet();
        ids.set(firsts[shellRank], firsts[shellRank] + counts[shellRank]);
        return ids;
    }

    /**
     * @return the RFC 34 task map in normal form, e.g. {@code {"version":1,"map":[[0,2,2,1]]}}:
     *     consecutive shells with the same count share a block
     */
    public ObjectNode taskmap() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", 1);
        ArrayNode map = root.putArray("map");
        int r = 0;
        while (r < counts.length) {
            int end = r;
            while (end + 1 < counts.length && counts[end + 1] == counts[r]) {
                end++;
            }
            if (counts[r] > 0) {
                map.addArray().add(r).add(end - r + 1).add(counts[r]).add(1);
            }
            r = end + 1;
        }
        return root;
    }
}
