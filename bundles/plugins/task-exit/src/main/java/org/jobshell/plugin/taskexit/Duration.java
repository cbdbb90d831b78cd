package org.jobshell.plugin.taskexit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobshell.api.ShellException;

/**
 * Option {@code exit-timeout}: a Flux Standard Duration (RFC 23: {@code N[smhd]}, N a non-negative
 * decimal, seconds without a unit), a non-negative number of seconds, or {@code none}
 * (case-insensitive) for no timeout.
 *
 * @param seconds the timeout, or -1 for none
 * @param text the value as users see it in messages, e.g. {@code 30s}
 */
record Duration(double seconds, String text) {

    /** The default: 30 s, as the Flux shell's. */
    static final Duration DEFAULT = new Duration(30, "30s");

    private static final Pattern FSD = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([smhd]?)");

    /**
     * @param value the option's value, or null when unset
     * @return the duration
     * @throws ShellException {@code must be a Flux Standard Duration (N[smhd]) or none, got V}
     */
    static Duration of(JsonNode value) {
        if (value == null) {
            return DEFAULT;
        }
        if (value.isNumber() && value.doubleValue() >= 0) {
            return new Duration(value.doubleValue(), value.asText() + "s");
        }
        if (value.isTextual()) {
            String t = value.textValue().trim();
            if (t.toLowerCase(Locale.ROOT).equals("none")) {
                return new Duration(-1, "none");
            }
            Matcher m = FSD.matcher(t);
            if (m.matches()) {
                double n = Double.parseDouble(m.group(1));
                return new Duration(n * unit(m.group(2)), m.group(2).isEmpty() ? t + "s" : t);
            }
        }
        throw new ShellException("must be a Flux Standard Duration (N[smhd]) or none, got " + value);
    }

    private static double unit(String suffix) {
        switch (suffix) {
            case "m":
                return 60;
            case "h":
                return 3600;
            case "d":
                return 86400;
            default:
                return 1;
        }
    }

    /** @return whether there is a timeout */
    boolean enabled() {
        return seconds >= 0;
    }

    /** @return the timeout in milliseconds */
    long millis() {
        return Math.round(seconds * 1000);
    }
}
