package org.jobshell.bench;

import java.util.Arrays;
import java.util.List;

/** Medians of benchmark rounds. */
public final class Stats {

    private Stats() {
    }

    /**
     * @param values at least one value
     * @return their median (the mean of the middle two for an even count)
     */
    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
