package org.jobshell.plugin.taskmap.cyclic;

import org.jobshell.api.ShellException;
import org.jobshell.api.TaskMap;

/** The cyclic scheme (spec §7.2): whole rounds over the nodes, each taking up to N tasks. */
final class Cyclic {

    private Cyclic() {
    }

    /**
     * @param value the scheme's value: empty, or a positive integer
     * @return the stride
     * @throws ShellException {@code invalid cyclic stride: X}
     */
    static int stride(String value) {
        if (value.isEmpty()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ShellException("invalid cyclic stride: " + value);
    }

    /**
     * @param current the current map: how many tasks each node runs
     * @param stride how many tasks a node takes per round
     * @return the cyclic map with the same count per node
     */
    static TaskMap map(TaskMap current, int stride) {
        int[] left = current.tasksPerNode();
        int[] nodeOf = new int[current.totalTasks()];
        int next = 0;
        while (next < nodeOf.length) {
            for (int node = 0; node < left.length; node++) {
                int take = Math.min(stride, left[node]);
                for (int k = 0; k < take; k++) {
                    nodeOf[next++] = node;
                }
                left[node] -= take;
            }
        }
        return TaskMap.ofNodes(nodeOf);
    }
}
