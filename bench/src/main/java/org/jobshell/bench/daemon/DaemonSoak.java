package org.jobshell.bench.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs many jobs through the daemon, a few at a time, and prints the daemon's threads, open
 * descriptors and heap after a full GC ({@code jcmd}) every so many jobs: a long-lived container
 * must stay flat.
 *
 * <pre>java -cp benchmarks.jar org.jobshell.bench.daemon.DaemonSoak SOCKET PID JOBS AT_ONCE EVERY</pre>
 */
public final class DaemonSoak {

    private DaemonSoak() {
    }

    /**
     * @param args the daemon's socket and pid, jobs, jobs at once, jobs between samples
     */
    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        long pid = Long.parseLong(args[1]);
        int jobs = Integer.parseInt(args[2]);
        int atOnce = Integer.parseInt(args[3]);
        int every = Integer.parseInt(args[4]);
        sample(pid, 0);
        long t0 = System.nanoTime();
        for (int i = 0; i < jobs; i += atOnce) {
            List<Socket> batch = new ArrayList<>();
            for (int j = 0; j < atOnce && i + j < jobs; j++) {
                batch.add(new Socket(socket, "[\"run\",\"-n\",\"2\",\"sh\",\"-c\",\"echo x\"]"));
            }
            for (Socket s : batch) {
                try (s) {
                    while (s.next() != null) {
                        // drain the job's output
                    }
                }
            }
            int done = Math.min(jobs, i + atOnce);
            if (done % every == 0) {
                sample(pid, done);
            }
        }
        System.out.printf("RESULT soak_jobs=%d seconds=%.1f%n", jobs, (System.nanoTime() - t0) / 1e9);
    }

    private static void sample(long pid, int jobs) throws IOException, InterruptedException {
        int threads = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("Threads:")).mapToInt(l -> Integer.parseInt(l.substring(8).trim()))
                .findFirst().orElse(-1);
        long fds;
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = s.count();
        }
        jcmd(pid, "GC.run");
        String heap = jcmd(pid, "GC.heap_info").lines().filter(l -> l.contains("used"))
                .findFirst().orElse("?").trim();
        System.out.printf("SAMPLE jobs=%d threads=%d fds=%d heap: %s%n", jobs, threads, fds, heap);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
