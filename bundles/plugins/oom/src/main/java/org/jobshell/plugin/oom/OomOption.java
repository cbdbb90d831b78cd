package org.jobshell.plugin.oom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.OptionalInt;
import org.jobshell.api.ShellException;

/**
 * Option {@code oom} (spec §3.2): an object whose only key is {@code adjust}, the
 * {@code oom_score_adj} of every task, an integer from -1000 to 1000.
 */
final class OomOption {

    static final String NAME = "oom";
    private static final int MIN = -1000;
    private static final int MAX = 1000;

    private OomOption() {
    }

    /**
     * @param option the option's value
     * @return the adjustment asked for, or empty
     * @throws ShellException for a value that is not an object, a key other than {@code adjust}, or
     *     an adjustment that is not an integer from -1000 to 1000
     */
    static OptionalInt adjust(JsonNode option) {
        if (!option.isObject()) {
            throw new ShellException("oom must be an object, e.g. -o oom.adjust=500");
        }
        for (Iterator<String> keys = option.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!key.equals("adjust")) {
                throw new ShellException("unknown key oom." + key + " (the only one is oom.adjust)");
            }
        }
        JsonNode adjust = option.get("adjust");
        if (adjust == null) {
            return OptionalInt.empty();
        }
        if (!adjust.canConvertToInt() || !adjust.isIntegralNumber() || adjust.intValue() < MIN || adjust.intValue() > MAX) {
            throw new ShellException("oom.adjust must be an integer from " + MIN + " to " + MAX + ", got " + adjust);
        }
        return OptionalInt.of(adjust.intValue());
    }
}
