package org.jobshell.plugin.rlimit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobshell.api.ShellException;

/**
 * Option {@code rlimit} (spec §3.2): resource name to soft limit, as {@code setrlimit(2)} names them
 * ({@code nofile}, alias {@code ofile}, ...), each with the row of {@code /proc/self/limits} that
 * holds its hard limit.
 */
final class Limits {

    /** Name to its {@code /proc/<pid>/limits} row, in the reference's order. */
    static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("cpu", "Max cpu time");
        ROWS.put("fsize", "Max file size");
        ROWS.put("data", "Max data size");
        ROWS.put("stack", "Max stack size");
        ROWS.put("core", "Max core file size");
        ROWS.put("nofile", "Max open files");
        ROWS.put("as", "Max address space");
        ROWS.put("rss", "Max resident set");
        ROWS.put("nproc", "Max processes");
        ROWS.put("memlock", "Max locked memory");
        ROWS.put("msgqueue", "Max msgqueue size");
        ROWS.put("nice", "Max nice priority");
        ROWS.put("rtprio", "Max realtime priority");
        ROWS.put("rttime", "Max realtime timeout");
        ROWS.put("sigpending", "Max pending signals");
    }

    /**
     * One limit to set.
     *
     * @param name the resource, as prlimit(1) names it
     * @param soft the soft limit
     */
    record Limit(String name, long soft) {
    }

    private Limits() {
    }

    /**
     * @param option the {@code rlimit} option, an object
     * @return the limits, in the option's order
     * @throws ShellException {@code invalid shell option rlimit.NAME=VALUE} for an unknown name or a
     *     value that is not a non-negative integer
     */
    static List<Limit> of(JsonNode option) {
        List<Limit> limits = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = option.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey().equals("ofile") ? "nofile" : e.getKey();
            JsonNode v = e.getValue();
            if (!ROWS.containsKey(name) || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                throw new ShellException("invalid shell option rlimit." + e.getKey() + "=" + v + " (limits: "
                        + String.join(", ", ROWS.keySet()) + "; values: integers >= 0)");
            }
            limits.add(new Limit(name, v.longValue()));
        }
        return limits;
    }

    /**
     * @param limitsFile the lines of {@code /proc/self/limits}
     * @param name a resource
     * @return its hard limit, or -1 for unlimited
     */
    static long hard(List<String> limitsFile, String name) {
        String row = ROWS.get(name);
        for (String line : limitsFile) {
            if (line.startsWith(row + " ")) {
                String[] cols = line.substring(row.length()).trim().split("\\s+");
                return cols[1].equals("unlimited") ? -1 : Long.parseLong(cols[1]);
            }
        }
        return -1;
    }
}
