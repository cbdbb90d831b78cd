package org.jobshell.plugin.taskexit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.jobshell.api.Fsd;
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
            try {
                return new Duration(Fsd.seconds(t, 1), Character.isDigit(t.charAt(t.length() - 1)) ? t + "s" : t);
            } catch (IllegalArgumentException e) {
                // not a duration: said below
            }
        }
        throw new ShellException("must be a Flux Standard Duration (N[smhd]) or none, got " + value);
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
