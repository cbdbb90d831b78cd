package org.jobshell.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flux Standard Durations (RFC 23): {@code N[smhd]}, N a non-negative decimal ({@code 30s},
 * {@code 1.5h}, {@code .5m}), as options and the command line take them.
 */
public final class Fsd {

    private static final Pattern FSD = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([smhd]?)");

    private Fsd() {
    }

    /**
     * @param text a duration
     * @param bareUnit what a number without a unit counts: {@code 1} for seconds (RFC 23), {@code 60}
     *     for minutes (as {@code flux run --time-limit} takes them)
     * @return the duration in seconds
     * @throws IllegalArgumentException {@code not a Flux Standard Duration (N[smhd]): TEXT}
     */
    public static double seconds(String text, double bareUnit) {
        Matcher m = FSD.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Flux Standard Duration (N[smhd]): " + text);
        }
        double n = Double.parseDouble(m.group(1));
        switch (m.group(2)) {
            case "s":
                return n;
            case "m":
                return n * 60;
            case "h":
                return n * 3600;
            case "d":
                return n * 86400;
            default:
                return n * bareUnit;
        }
    }

    /**
     * @param seconds a duration
     * @return it as users read it, in the largest unit that holds it whole: {@code 2d}, {@code 10m},
     *     {@code 90s}, {@code 1.5s}
     */
    public static String format(double seconds) {
        if (seconds != Math.rint(seconds) || Double.isInfinite(seconds)) {
            return seconds + "s";
        }
        long s = (long) seconds;
        if (s > 0 && s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s > 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s > 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
