package org.jobshell.bench.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobshell.bench.Stats;

/**
 * The measurements of one cell, round after round: every round runs each named measurement once,
 * in order in even rounds and in reverse order in odd rounds, so that no side always goes first.
 */
final class Round {

    /** One measurement: a batch run, returning its wall time in milliseconds. */
    @FunctionalInterface
    interface Measurement {
        /**
         * @return wall milliseconds
         * @throws IOException when the C harness fails
         */
        double run() throws IOException;
    }

    private final Map<String, Measurement> measurements = new LinkedHashMap<>();
    private final Map<String, List<Double>> millis = new LinkedHashMap<>();

    /**
     * @param name its name
     * @param m the measurement
     * @return this
     */
    Round add(String name, Measurement m) {
        measurements.put(name, m);
        millis.put(name, new ArrayList<>());
        return this;
    }

    /**
     * @param rounds how many rounds to run
     * @return this
     * @throws IOException when the C harness fails
     */
    Round run(int rounds) throws IOException {
        List<String> order = new ArrayList<>(measurements.keySet());
        for (int r = 0; r < rounds; r++) {
            for (String name : order) {
                millis.get(name).add(measurements.get(name).run());
            }
            Collections.reverse(order);
        }
        return this;
    }

    /**
     * @param name a measurement
     * @return the median of its rounds, or NaN when it was not measured
     */
    double median(String name) {
        List<Double> l = millis.get(name);
        return l == null ? Double.NaN : Stats.median(l);
    }

    /**
     * @param a a measurement
     * @param b another
     * @return the median over rounds of a/b (each round's pair taken close together), or NaN
     */
    double ratio(String a, String b) {
        List<Double> la = millis.get(a);
        List<Double> lb = millis.get(b);
        if (la == null || lb == null) {
            return Double.NaN;
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < la.size(); i++) {
            ratios.add(la.get(i) / lb.get(i));
        }
        return Stats.median(ratios);
    }
}
