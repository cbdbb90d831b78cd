package org.jobshell.bench.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jobshell.bench.Stats;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link DispatchBenchmark} and {@link GlobBenchmark} in several rounds (one JMH fork each, so
 * dispatch and its floor alternate round after round on a noisy machine) and prints the medians,
 * the cost per handler and the ratio to the floor, taken per round.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.jobshell.bench.dispatch.DispatchReport [ROUNDS]}
 */
public final class DispatchReport {

    private DispatchReport() {
    }

    /**
     * @param args optional number of rounds (default 3)
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Map<String, List<Double>> scores = new TreeMap<>();
        Map<String, List<Double>> ratios = new TreeMap<>();
        for (int r = 0; r < rounds; r++) {
            Options opts = new OptionsBuilder()
                    .include(DispatchBenchmark.class.getName())
                    .include(GlobBenchmark.class.getName())
                    .forks(1)
                    .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                    .build();
            Map<String, Double> round = collect(new Runner(opts).run());
            round.forEach((k, v) -> scores.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            for (String catchAll : List.of("false", "true")) {
                double floor = round.get("floor/" + catchAll);
                for (String b : List.of("all", "few", "none")) {
                    String key = b + "/" + catchAll;
                    ratios.computeIfAbsent(key, x -> new ArrayList<>()).add(round.get(key) / floor);
                }
            }
        }
        print(rounds, scores, ratios);
    }

    private static Map<String, Double> collect(Collection<RunResult> results) {
        Map<String, Double> m = new HashMap<>();
        for (RunResult rr : results) {
            String bench = rr.getParams().getBenchmark();
            String method = bench.substring(bench.lastIndexOf('.') + 1);
            String cls = bench.substring(0, bench.lastIndexOf('.'));
            String param = cls.endsWith("GlobBenchmark") ? "glob " + rr.getParams().getParam("glob")
                    : rr.getParams().getParam("catchAll");
            m.put(method + "/" + param, rr.getPrimaryResult().getScore());
        }
        return m;
    }

    private static void print(int rounds, Map<String, List<Double>> scores, Map<String, List<Double>> ratios) {
        System.out.printf(Locale.ROOT, "%n== Dispatch on %d plugins, %d rounds (medians) ==%n", StackFixture.PLUGINS,
                rounds);
        System.out.printf(Locale.ROOT, "%-6s %-9s %10s %8s %14s %12s %14s%n", "topic", "catchAll", "ns/call",
                "called", "ns/called", "ns/plugin", "ratio/floor");
        for (String catchAll : List.of("false", "true")) {
            StackFixture f = StackFixture.build(Boolean.parseBoolean(catchAll));
            for (String b : List.of("all", "few", "none", "floor")) {
                String key = b + "/" + catchAll;
                double ns = Stats.median(scores.get(key));
                long called = b.equals("floor") ? StackFixture.PLUGINS : f.handlersCalled(topic(b));
                String perCalled = called == 0 ? "-" : String.format(Locale.ROOT, "%.1f", ns / called);
                String ratio = b.equals("floor") ? "1.00" : String.format(Locale.ROOT, "%.2f",
                        Stats.median(ratios.get(key)));
                System.out.printf(Locale.ROOT, "%-6s %-9s %10.1f %8d %14s %12.1f %14s%n", b, catchAll, ns, called,
                        perCalled, ns / StackFixture.PLUGINS, ratio);
            }
        }
        System.out.printf(Locale.ROOT, "%n== Glob.matches (medians, ns) ==%n%-14s %8s %8s%n", "glob", "hit",
                "miss");
        scores.keySet().stream().filter(k -> k.startsWith("hit/glob ")).forEach(k -> {
            String glob = k.substring("hit/glob ".length());
            System.out.printf(Locale.ROOT, "%-14s %8.1f %8.1f%n", glob, Stats.median(scores.get(k)),
                    Stats.median(scores.get("miss/glob " + glob)));
        });
    }

    private static String topic(String bench) {
        switch (bench) {
            case "all": return StackFixture.ALL;
            case "few": return StackFixture.FEW;
            default: return StackFixture.NONE;
        }
    }
}
