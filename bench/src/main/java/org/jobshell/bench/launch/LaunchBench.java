package org.jobshell.bench.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jobshell.bench.Stats;
import org.jobshell.core.launch.ProcessBuilderLauncher;

/**
 * Warm in-process launching: {@link ProcessBuilderLauncher} against the C harness, interleaved
 * round by round in one run (C first in even rounds, Java first in odd ones), for every
 * combination of N, workload and launching threads. Prints a table and one machine-readable
 * {@code RESULT} line per cell (read by {@code bench/run-launch.sh}).
 *
 * <p>Needs {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED}. See {@link LaunchOptions#USAGE}.
 */
public final class LaunchBench {

    private LaunchBench() {
    }

    /**
     * @param args see {@link LaunchOptions#USAGE}
     * @throws IOException when the C harness cannot run
     */
    public static void main(String[] args) throws IOException {
        LaunchOptions o;
        try {
            o = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "# %s: java %s (%s), launchMechanism=%s, cpus=%d%n", o.label(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("jdk.lang.Process.launchMechanism", "default"),
                Runtime.getRuntime().availableProcessors());
        CLaunch c = new CLaunch(o.spawnbench());
        try (ProcessBuilderLauncher launcher = new ProcessBuilderLauncher()) {
            JavaLaunch java = new JavaLaunch(launcher);
            int idleFds = ProcessBuilderLauncher.openDescriptors();
            System.out.printf(Locale.ROOT, "# open descriptors of this JVM with the launcher idle: %d%n", idleFds);
            System.out.printf(Locale.ROOT, "%-14s %-5s %5s %4s %10s %10s %7s %12s %9s %9s%n", "config", "cmd", "N",
                    "thr", "java ms", "C ms", "ratio", "C pipes ms", "ratio io", "fds peak");
            for (int n : o.counts()) {
                for (Workload w : o.workloads()) {
                    for (int threads : o.threads()) {
                        cell(o, java, c, w, n, threads, idleFds);
                    }
                }
            }
        }
    }

    private static void cell(LaunchOptions o, JavaLaunch java, CLaunch c, Workload w, int n, int threads,
            int idleFds) throws IOException {
        int warmups = Math.max(2, Math.min(20, (o.warmupTasks() + n - 1) / n));
        int peakFds = -1;
        for (int i = 0; i < warmups; i++) {
            JavaLaunch.Outcome out = check(java.run(w, n, o.inflight(), threads, i == warmups - 1), w, n);
            peakFds = Math.max(peakFds, out.fdsAtEndOfLaunch());
        }
        List<Double> javaMs = new ArrayList<>();
        List<Double> cMs = new ArrayList<>();
        List<Double> cPipesMs = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> ratioIo = new ArrayList<>();
        boolean capture = w == Workload.ECHO;
        for (int r = 0; r < o.rounds(); r++) {
            double j;
            double cRef;
            double cPipes = Double.NaN;
            if (r % 2 == 0) {
                cRef = c.run(w, n, o.inflight(), capture) / 1e6;
                if (!capture) {
                    cPipes = c.run(w, n, o.inflight(), true) / 1e6;
                }
                j = check(java.run(w, n, o.inflight(), threads, false), w, n).wallNanos() / 1e6;
            } else {
                j = check(java.run(w, n, o.inflight(), threads, false), w, n).wallNanos() / 1e6;
                if (!capture) {
                    cPipes = c.run(w, n, o.inflight(), true) / 1e6;
                }
                cRef = c.run(w, n, o.inflight(), capture) / 1e6;
            }
            javaMs.add(j);
            cMs.add(cRef);
            ratio.add(j / cRef);
            if (!capture) {
                cPipesMs.add(cPipes);
                ratioIo.add(j / cPipes);
            }
        }
        String cPipes = capture ? "(same)" : fmt(Stats.median(cPipesMs));
        String rIo = capture ? fmt(Stats.median(ratio)) : fmt(Stats.median(ratioIo));
        System.out.printf(Locale.ROOT, "%-14s %-5s %5d %4d %10.1f %10.1f %7.2f %12s %9s %9d%n", o.label(), w.label(),
                n, threads, Stats.median(javaMs), Stats.median(cMs), Stats.median(ratio), cPipes, rIo, peakFds);
        System.out.printf(Locale.ROOT,
                "RESULT label=%s cmd=%s n=%d threads=%d inflight=%d rounds=%d java_ms=%.2f c_ms=%.2f ratio=%.3f"
                        + " c_pipes_ms=%s ratio_io=%s fds_idle=%d fds_peak=%d%n",
                o.label(), w.label(), n, threads, o.inflight(), o.rounds(), Stats.median(javaMs), Stats.median(cMs),
                Stats.median(ratio), capture ? "-" : fmt(Stats.median(cPipesMs)), rIo, idleFds, peakFds);
    }

    private static JavaLaunch.Outcome check(JavaLaunch.Outcome out, Workload w, int n) {
        if (out.failures() != 0 || out.lines() != w.expectedLines(n)) {
            throw new IllegalStateException(w.label() + " x" + n + ": " + out.failures() + " failures, " + out.lines()
                    + " lines (expected " + w.expectedLines(n) + ")");
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
