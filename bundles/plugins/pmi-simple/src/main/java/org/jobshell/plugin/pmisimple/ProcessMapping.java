package org.jobshell.plugin.pmisimple;

import org.jobshell.api.TaskMap;

/**
 * The task map as the PMI {@code PMI_process_mapping} vector (spec §7.1): one
 * {@code (nodeid,nnodes,ppn)} per block and repeat, e.g. {@code (vector,(0,2,2))} for 4 tasks in
 * blocks on 2 nodes, {@code (vector,(0,2,1),(0,2,1))} for them cyclic.
 */
final class ProcessMapping {

    private ProcessMapping() {
    }

    /**
     * @param map the job's task map
     * @return the vector, or empty for an unknown map
     */
    static String of(TaskMap map) {
        if (map.isUnknown()) {
            return "";
        }
        StringBuilder b = new StringBuilder("(vector");
        for (TaskMap.Block block : map.blocks()) {
            for (int i = 0; i < block.repeat(); i++) {
                b.append(",(").append(block.nodeid()).append(',').append(block.nnodes()).append(',')
                        .append(block.ppn()).append(')');
            }
        }
        return b.append(')').toString();
    }
}
