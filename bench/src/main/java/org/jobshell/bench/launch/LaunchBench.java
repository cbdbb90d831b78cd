package org.jobshell.bench.launch;

import java.io.IOException;
import java.util.Locale;
import org.jobshell.core.launch.ProcessBuilderLauncher;
import org.jobshell.core.spi.TaskLauncher;

/**
 * Warm in-process launching: {@link ProcessBuilderLauncher} against the C harness (and against a
 * bare {@link ProcessBuilder}, the JDK's own floor), interleaved round by round in one run, for
 * every combination of N, workload and launching threads. Prints a table and one
 * machine-readable {@code RESULT} line per cell (read by {@code bench/run-launch.sh}).
 *
 * <p>Needs {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED}. See {@link LaunchOptions#USAGE}.
 */
public final class LaunchBench {

    private static final String HEADER = "%-14s %-5s %5s %3s %9s %9s %7s %9s %9s %9s %7s %5s%n";
    private static final String ROW = "%-14s %-5s %5d %3d %9.1f %9.1f %7.2f %9s %9s %9s %7s %5d%n";

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
        try (ProcessBuilderLauncher pb = new ProcessBuilderLauncher()) {
            TaskLauncher launcher = launcher(pb);
            System.out.printf(Locale.ROOT, "# launcher: %s%n", launcher.getClass().getName());
            JavaLaunch java = new JavaLaunch(launcher);
            int idleFds = ProcessBuilderLauncher.openDescriptors();
            System.out.printf(Locale.ROOT, "# open descriptors of this JVM with the launcher idle: %d%n", idleFds);
            System.out.printf(Locale.ROOT, HEADER, "config", "cmd", "N", "thr", "java ms", "C ms", "ratio",
                    "vs pipes", "bare ms", "java/bare", "bare/C", "fds");
            for (int n : o.counts()) {
                for (Workload w : o.workloads()) {
                    for (int threads : o.threads()) {
                        cell(o, java, new CLaunch(o.spawnbench()), w, n, threads, idleFds);
                    }
                }
            }
        }
    }

    /**
     * @return the launcher under test: the class system property {@code bench.launcher} names (a
     *     {@link TaskLauncher} with a public no-argument constructor, e.g.
     *     {@code org.jobshell.posix.PosixLauncher}), else the core's ProcessBuilder launcher
     */
    private static TaskLauncher launcher(ProcessBuilderLauncher pb) {
        String name = System.getProperty("bench.launcher", "");
        if (name.isEmpty()) {
            return pb;
        }
        try {
            return (TaskLauncher) Class.forName(name).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("bench.launcher=" + name + ": not a TaskLauncher here: " + e, e);
        }
    }

    private static void cell(LaunchOptions o, JavaLaunch java, CLaunch c, Workload w, int n, int threads,
            int idleFds) throws IOException {
        int warmups = Math.max(2, Math.min(20, (o.warmupTasks() + n - 1) / n));
        int peakFds = -1;
        BareLaunch bare = new BareLaunch();
        for (int i = 0; i < warmups; i++) {
            peakFds = Math.max(peakFds, check(java.run(w, n, o.inflight(), threads, i == warmups - 1), w, n)
                    .fdsAtEndOfLaunch());
            if (o.bare()) {
                bare.run(w, n, o.inflight(), threads);
            }
        }
        boolean capture = w == Workload.ECHO;
        Round round = new Round()
                .add("c", () -> c.run(w, n, o.inflight(), capture) / 1e6)
                .add("java", () -> check(java.run(w, n, o.inflight(), threads, false), w, n).wallNanos() / 1e6);
        if (!capture) {
            round.add("cpipes", () -> c.run(w, n, o.inflight(), true) / 1e6);
        }
        if (o.bare()) {
            round.add("bare", () -> bare.run(w, n, o.inflight(), threads) / 1e6);
        }
        round.run(o.rounds());
        report(o, w, n, threads, round, capture, idleFds, peakFds);
    }

    private static void report(LaunchOptions o, Workload w, int n, int threads, Round r, boolean capture,
            int idleFds, int peakFds) {
        double ratio = r.ratio("java", "c");
        double ratioIo = capture ? ratio : r.ratio("java", "cpipes");
        System.out.printf(Locale.ROOT, ROW, o.label(), w.label(), n, threads, r.median("java"), r.median("c"), ratio,
                fmt(ratioIo), fmt(r.median("bare")), fmt(r.ratio("java", "bare")), fmt(r.ratio("bare", "c")),
                peakFds);
        System.out.printf(Locale.ROOT,
                "RESULT label=%s cmd=%s n=%d threads=%d inflight=%d rounds=%d java_ms=%.2f c_ms=%.2f ratio=%.3f"
                        + " c_pipes_ms=%s ratio_io=%s bare_ms=%s java_bare=%s bare_c=%s fds_idle=%d fds_peak=%d%n",
                o.label(), w.label(), n, threads, o.inflight(), o.rounds(), r.median("java"), r.median("c"), ratio,
                fmt(r.median("cpipes")), fmt(ratioIo), fmt(r.median("bare")), fmt(r.ratio("java", "bare")),
                fmt(r.ratio("bare", "c")), idleFds, peakFds);
    }

    private static JavaLaunch.Outcome check(JavaLaunch.Outcome out, Workload w, int n) {
        if (out.failures() != 0 || out.lines() != w.expectedLines(n)) {
            throw new IllegalStateException(w.label() + " x" + n + ": " + out.failures() + " failures, " + out.lines()
                    + " lines (expected " + w.expectedLines(n) + ")");
        }
        return out;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
