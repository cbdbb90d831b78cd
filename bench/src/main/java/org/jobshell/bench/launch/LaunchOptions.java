package org.jobshell.bench.launch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link LaunchBench}: {@code --key=value} pairs, lists comma-separated.
 *
 * @param label a name for this JVM configuration in the output, e.g. {@code jdk17-vfork}
 * @param spawnbench path of the compiled C harness
 * @param counts task counts N
 * @param workloads what tasks run
 * @param threads launching thread counts
 * @param inflight most tasks alive at once (Java and C alike)
 * @param rounds timed rounds per cell, each one Java batch and its C references, order alternating
 * @param warmupTasks tasks launched (Java only) before a cell's timed rounds
 * @param bare whether each round also runs the bare ProcessBuilder reference ({@link BareLaunch})
 */
record LaunchOptions(String label, String spawnbench, List<Integer> counts, List<Workload> workloads,
        List<Integer> threads, int inflight, int rounds, int warmupTasks, boolean bare) {

    /** The usage line. */
    static final String USAGE = "usage: LaunchBench [--label=NAME] [--spawnbench=/tmp/spawnbench] [--n=64,1000]"
            + " [--cmd=true,echo] [--threads=1,2] [--inflight=64] [--rounds=7] [--warmup-tasks=2000] [--bare=true]";

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException on an unknown or malformed option
     */
    static LaunchOptions parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("bad argument '" + a + "'\n" + USAGE);
            }
            m.put(a.substring(2, eq), a.substring(eq + 1));
        }
        LaunchOptions o = new LaunchOptions(
                m.getOrDefault("label", "java" + Runtime.version().feature()),
                m.getOrDefault("spawnbench", "/tmp/spawnbench"),
                ints(m.getOrDefault("n", "64,1000")),
                workloads(m.getOrDefault("cmd", "true,echo")),
                ints(m.getOrDefault("threads", "1,2")),
                Integer.parseInt(m.getOrDefault("inflight", "64")),
                Integer.parseInt(m.getOrDefault("rounds", "7")),
                Integer.parseInt(m.getOrDefault("warmup-tasks", "2000")),
                Boolean.parseBoolean(m.getOrDefault("bare", "true")));
        m.keySet().removeAll(List.of("label", "spawnbench", "n", "cmd", "threads", "inflight", "rounds",
                "warmup-tasks", "bare"));
        if (!m.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + m.keySet() + "\n" + USAGE);
        }
        return o;
    }

    private static List<Integer> ints(String csv) {
        List<Integer> l = new ArrayList<>();
        for (String s : csv.split(",")) {
            l.add(Integer.parseInt(s.trim()));
        }
        return l;
    }

    private static List<Workload> workloads(String csv) {
        List<Workload> l = new ArrayList<>();
        for (String s : csv.split(",")) {
            l.add(Workload.of(s.trim()));
        }
        return l;
    }
}
