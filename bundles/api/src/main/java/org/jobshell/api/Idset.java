package org.jobshell.api;

import java.util.BitSet;

/** RFC 22 idsets, such as the task ranks and cores of a {@link RankInfo}: {@code 0-3,5,8-9} to and from {@link BitSet}. */
public final class Idset {

    private Idset() {
    }

    /**
     * @param ids a set of non-negative ids
     * @return its idset form, e.g. {@code 0-3,5}; empty for an empty set
     */
    public static String encode(BitSet ids) {
        StringBuilder b = new StringBuilder();
        int i = ids.nextSetBit(0);
        while (i >= 0) {
            int end = ids.nextClearBit(i) - 1;
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(i);
            if (end > i) {
                b.append('-').append(end);
            }
            i = ids.nextSetBit(end + 1);
        }
        return b.toString();
    }

    /**
     * @param text an idset such as {@code 0-3,5} (optionally in brackets); empty for none
     * @return the ids
     * @throws IllegalArgumentException naming the bad part
     */
    public static BitSet decode(String text) {
        BitSet ids = new BitSet();
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty()) {
            return ids;
        }
        for (String part : s.split(",", -1)) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            try {
                if (dash < 0) {
                    ids.set(nonNegative(p));
                } else {
                    int lo = nonNegative(p.substring(0, dash));
                    int hi = nonNegative(p.substring(dash + 1));
                    if (hi < lo) {
                        throw new IllegalArgumentException("bad idset '" + text + "': range " + p + " is reversed");
                    }
                    ids.set(lo, hi + 1);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad idset '" + text + "': '" + p + "' is not an id or range");
            }
        }
        return ids;
    }

    private static int nonNegative(String s) {
        int v = Integer.parseInt(s.trim());
        if (v < 0) {
            throw new NumberFormatException(s);
        }
        return v;
    }
}
