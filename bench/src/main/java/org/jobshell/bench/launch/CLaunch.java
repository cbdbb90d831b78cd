package org.jobshell.bench.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the C harness {@code spawnbench spawn N INFLIGHT CAPTURE} as a child of this JVM and reads
 * the wall time it measured itself (from its first spawn to the last task's end, as
 * {@link JavaLaunch} measures).
 */
final class CLaunch {

    private static final Pattern WALL = Pattern.compile("wall=([0-9.]+)s");
    private static final Pattern FAILURES = Pattern.compile("failures=(\\d+)");

    private final String spawnbench;

    /** @param spawnbench path of the compiled spawnbench */
    CLaunch(String spawnbench) {
        this.spawnbench = spawnbench;
    }

    /**
     * @param workload what the tasks run
     * @param n tasks
     * @param inflight most tasks alive at once
     * @param capture whether every task gets a pipe read by the harness; {@link Workload#TRUE} with
     *     capture runs {@code /bin/true} with pipes (the same I/O as the Java launcher)
     * @return the wall time in nanoseconds
     * @throws IOException when the harness cannot run or fails
     */
    long run(Workload workload, int n, int inflight, boolean capture) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(spawnbench, "spawn", Integer.toString(n),
                Integer.toString(inflight), capture ? "1" : "0"));
        if (workload == Workload.TRUE && capture) {
            pb.environment().put("SPAWNBENCH_CMD", "/bin/true");
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Matcher wall = WALL.matcher(out);
        Matcher failures = FAILURES.matcher(out);
        if (p.exitValue() != 0 || !wall.find() || !failures.find() || !"0".equals(failures.group(1))) {
            throw new IOException("spawnbench failed (exit " + p.exitValue() + "): " + out.strip());
        }
        return Math.round(Double.parseDouble(wall.group(1)) * 1e9);
    }
}
