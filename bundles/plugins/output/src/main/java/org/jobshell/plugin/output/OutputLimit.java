package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobshell.api.ShellException;

/**
 * Option {@code output.limit}: how many bytes of each stream (stdout, stderr: each counted over
 * all tasks of the job) the output eventlog keeps, as in the reference: an integer number of bytes
 * or a size {@code N[kKMGTPE]} (powers of 1024, N may have a fraction), from 1 byte to 1G; default
 * 1G. The terminal is not limited.
 *
 * @param bytes the limit in bytes
 * @param text the limit as the user wrote it, for messages
 */
record OutputLimit(long bytes, String text) {

    /** The largest limit, and the default (a one-shot run is a single-user instance). */
    static final long MAX = 1L << 30;
    static final OutputLimit DEFAULT = new OutputLimit(MAX, "1G");

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([kKMGTPE]?)");
    private static final Map<String, Integer> SHIFT = Map.of("", 0, "k", 10, "K", 10, "M", 20, "G", 30, "T", 40,
            "P", 50, "E", 60);

    /**
     * @param output the {@code output} option, or null
     * @return the limit
     * @throws ShellException naming the option when the value is not a size from 1 to 1G
     */
    static OutputLimit of(JsonNode output) {
        JsonNode v = output == null ? null : output.get("limit");
        if (v == null || v.isNull()) {
            return DEFAULT;
        }
        try {
            return value(v);
        } catch (ShellException e) {
            throw new ShellException("option output.limit: " + e.getMessage());
        }
    }

    /**
     * @param v a value of {@code output.limit}
     * @return the limit
     * @throws ShellException when it is not a size from 1 to 1G
     */
    static OutputLimit value(JsonNode v) {
        long bytes = v.isIntegralNumber() ? v.canConvertToLong() ? v.longValue() : -1
                : v.isTextual() ? parse(v.textValue()) : -1;
        if (bytes < 1 || bytes > MAX) {
            throw new ShellException("must be a size from 1 to 1G (bytes, or N[kKMG]), got " + v);
        }
        return new OutputLimit(bytes, v.isTextual() ? v.textValue() : Long.toString(bytes));
    }

    /** @return the size in bytes, or -1 when it is not a size */
    private static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(SHIFT.get(m.group(2))))
                .setScale(0, RoundingMode.FLOOR);
        return bytes.compareTo(BigDecimal.valueOf(MAX)) > 0 ? Long.MAX_VALUE : bytes.longValueExact();
    }
}
