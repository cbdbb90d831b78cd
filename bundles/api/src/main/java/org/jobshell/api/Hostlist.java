package org.jobshell.api;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * RFC 29 hostlists such as {@code node[0-3,7],login}: expanded in order, duplicates kept, as R's
 * nodelist and the {@code hostfile} task map scheme use them.
 */
public final class Hostlist {

    private Hostlist() {
    }

    /**
     * @param hostlist a hostlist
     * @return the host names
     * @throws IllegalArgumentException for an unbalanced bracket or a bad range
     */
    public static List<String> expand(String hostlist) {
        List<String> hosts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= hostlist.length(); i++) {
            char c = i < hostlist.length() ? hostlist.charAt(i) : ',';
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("bad hostlist '" + hostlist + "': unbalanced ']'");
                }
            } else if (c == ',' && depth == 0) {
                String part = hostlist.substring(start, i).trim();
                if (!part.isEmpty()) {
                    expandOne(hostlist, part, hosts);
                }
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("bad hostlist '" + hostlist + "': unbalanced '['");
        }
        return hosts;
    }

    private static void expandOne(String whole, String part, List<String> out) {
        int open = part.indexOf('[');
        if (open < 0) {
            out.add(part);
            return;
        }
        int close = part.indexOf(']', open);
        String prefix = part.substring(0, open);
        String suffix = part.substring(close + 1);
        String ranges = part.substring(open + 1, close);
        for (String r : ranges.split(",")) {
            String[] lohi = r.split("-", 2);
            int width = lohi[0].trim().length();
            BitSet ids;
            try {
                ids = Idset.decode(r);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad hostlist '" + whole + "': " + e.getMessage());
            }
            for (int i = ids.nextSetBit(0); i >= 0; i = ids.nextSetBit(i + 1)) {
                List<String> rest = new ArrayList<>();
                expandOne(whole, suffix, rest);
                String num = String.format("%0" + width + "d", i);
                if (rest.isEmpty()) {
                    out.add(prefix + num);
                } else {
                    for (String s : rest) {
                        out.add(prefix + num + s);
                    }
                }
            }
        }
    }
}
