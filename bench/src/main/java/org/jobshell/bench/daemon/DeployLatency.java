package org.jobshell.bench.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * From a plugin jar renamed into {@code plugins/} (after a copy under another name, as
 * docs/OPERATIONS.md says) to its {@code plugin.added} event, and from its deletion to
 * {@code plugin.removed}: p50 and p95 over the runs, in ms.
 *
 * <pre>java -cp benchmarks.jar org.jobshell.bench.daemon.DeployLatency HOME JAR RUNS</pre>
 */
public final class DeployLatency {

    private DeployLatency() {
    }

    /**
     * @param args the distribution (with a running daemon), a plugin jar, the number of runs
     */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path plugins = home.resolve("plugins");
        Path target = plugins.resolve("bench-deploy.jar");
        List<Double> added = new ArrayList<>();
        List<Double> removed = new ArrayList<>();
        try (Socket events = new Socket(home.resolve("var/run/jobshell.sock"), "[\"events\"]")) {
            Thread.sleep(300); // the subscription is registered
            for (int i = 0; i < runs; i++) {
                Path part = Files.copy(jar, plugins.resolve(".bench-deploy.jar.part"), StandardCopyOption.REPLACE_EXISTING);
                long t0 = System.nanoTime();
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                await(events, "\"plugin.added\"");
                added.add((System.nanoTime() - t0) / 1e6);
                long t1 = System.nanoTime();
                Files.delete(target);
                await(events, "\"plugin.removed\"");
                removed.add((System.nanoTime() - t1) / 1e6);
                Thread.sleep(100);
            }
        }
        System.out.printf("RESULT deploy_p50_ms=%.0f deploy_p95_ms=%.0f delete_p50_ms=%.0f delete_p95_ms=%.0f runs=%d%n",
                pct(added, 50), pct(added, 95), pct(removed, 50), pct(removed, 95), runs);
    }

    private static void await(Socket events, String type) throws IOException {
        String line;
        while ((line = events.next()) != null) {
            if (line.contains(type)) {
                return;
            }
        }
        throw new IOException("the event stream ended before " + type);
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
