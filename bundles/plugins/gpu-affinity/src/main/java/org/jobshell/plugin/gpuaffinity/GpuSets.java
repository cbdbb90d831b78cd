package org.jobshell.plugin.gpuaffinity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;
import org.jobshell.api.Idset;
import org.jobshell.api.ShellException;

/**
 * What {@code CUDA_VISIBLE_DEVICES} each task of a shell gets (spec §3.2 gpu-affinity): a comma list
 * of GPU ids, never ranges.
 */
final class GpuSets {

    private GpuSets() {
    }

    /**
     * @param value the option value
     * @throws ShellException when it is not {@code on}, {@code off}, {@code per-task} or {@code map:LIST}
     */
    static void check(String value) {
        if (value.startsWith("map:")) {
            parseMap(value.substring(4));
        } else if (!List.of("on", "off", "per-task").contains(value)) {
            throw new ShellException("must be on, off, per-task or map:LIST, got \"" + value + "\"");
        }
    }

    /** @return the ids as {@code 0,1,2} */
    static String list(BitSet ids) {
        return ids.stream().mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /**
     * @param gpus the shell's GPUs
     * @param ntasks its tasks
     * @return each task's: the next floor(gpus / tasks) of them, in order (leftovers unused)
     */
    static List<String> perTask(BitSet gpus, int ntasks) {
        int[] ids = gpus.stream().toArray();
        int each = ntasks == 0 ? 0 : ids.length / ntasks;
        List<String> sets = new ArrayList<>();
        for (int t = 0; t < ntasks; t++) {
            BitSet s = new BitSet();
            for (int k = t * each; k < (t + 1) * each; k++) {
                s.set(ids[k]);
            }
            sets.add(list(s));
        }
        return sets;
    }

    /**
     * @param map {@code ;}-separated idsets, e.g. {@code 7;4-6}
     * @return one comma list per entry
     * @throws ShellException naming an entry that is no idset of GPUs
     */
    static List<String> parseMap(String map) {
        List<String> sets = new ArrayList<>();
        for (String entry : map.split(";", -1)) {
            BitSet ids;
            try {
                ids = Idset.decode(entry);
            } catch (IllegalArgumentException e) {
                ids = new BitSet();
            }
            if (ids.isEmpty()) {
                throw new ShellException("gpu set '" + entry + "' contains no GPUs or is invalid");
            }
            sets.add(list(ids));
        }
        return sets;
    }
}
