package org.jobshell.plugin.cpuaffinity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jobshell.api.Idset;
import org.jobshell.api.ShellException;

/**
 * The sets of {@code map:LIST}: {@code ;}-separated, each a CPU list ({@code 0-1,4}), a taskset
 * mask ({@code 0x3}) or an hwloc bitmap of 32-bit words, most significant first
 * ({@code 0xf,0xffffffff}).
 */
final class CpuSetParser {

    private CpuSetParser() {
    }

    /**
     * @param list the map value
     * @return one set per entry
     * @throws ShellException {@code cpuset X contains no cores or is invalid}
     */
    static List<BitSet> parseMap(String list) {
        List<BitSet> sets = new ArrayList<>();
        for (String entry : list.split(";", -1)) {
            sets.add(parse(entry.trim()));
        }
        return sets;
    }

    static BitSet parse(String entry) {
        BitSet set;
        try {
            set = entry.startsWith("0x") || entry.startsWith("0X") ? hex(entry) : Idset.decode(entry);
        } catch (IllegalArgumentException e) {
            set = new BitSet();
        }
        if (set.isEmpty()) {
            throw new ShellException("cpuset " + entry + " contains no cores or is invalid");
        }
        return set;
    }

    private static BitSet hex(String entry) {
        String[] words = entry.split(",");
        BitSet set = new BitSet();
        int shift = 0;
        for (int w = words.length - 1; w >= 0; w--) {
            String word = words[w].trim();
            if (word.startsWith("0x") || word.startsWith("0X")) {
                word = word.substring(2);
            }
            if (word.isEmpty() || (words.length > 1 && word.length() > 8)) {
                throw new IllegalArgumentException(entry);
            }
            // a single mask may be longer than one word: read it 4 bits per hex digit from the right
            for (int i = word.length() - 1, bit = shift; i >= 0; i--, bit += 4) {
                int digit = Character.digit(word.charAt(i), 16);
                if (digit < 0) {
                    throw new IllegalArgumentException(entry);
                }
                for (int b = 0; b < 4; b++) {
                    if ((digit & (1 << b)) != 0) {
                        set.set(bit + b);
                    }
                }
            }
            shift += 32;
        }
        return set;
    }

    /**
     * Spreads cores evenly over tasks: task i of n gets the cores from index i*c/n up to (but
     * excluding) (i+1)*c/n of the c cores, and at least one.
     *
     * @param cores the shell's cores
     * @param ntasks the number of local tasks
     * @return one set per task
     */
    static List<BitSet> distribute(BitSet cores, int ntasks) {
        int[] ids = cores.stream().toArray();
        List<BitSet> sets = new ArrayList<>();
        for (int i = 0; i < ntasks; i++) {
            int from = (int) ((long) i * ids.length / ntasks);
            int to = Math.max(from + 1, (int) ((long) (i + 1) * ids.length / ntasks));
            BitSet s = new BitSet();
            for (int k = from; k < to && k < ids.length; k++) {
                s.set(ids[k]);
            }
            sets.add(s);
        }
        return sets;
    }
}
