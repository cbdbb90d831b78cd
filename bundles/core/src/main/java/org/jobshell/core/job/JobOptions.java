package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobshell.api.Options;
import org.jobshell.api.ShellException;

/** One shell's options: a private copy of the jobspec's, shared by that shell's plugins. */
final class JobOptions implements Options {

    /**
     * The {@code verbose} option, read once before any plugin runs (spec §1.12).
     *
     * @param asked the value given, 0 when none or not an integer
     * @param problem why it is not usable, or null
     */
    record Verbosity(int asked, String problem) {
        /** @return the log level to use: 0 to 2 */
        int level() {
            return Math.max(0, Math.min(2, asked));
        }
    }

    private final ObjectNode options;

    JobOptions(ObjectNode fromJobspec) {
        this.options = fromJobspec.deepCopy();
    }

    @Override
    public synchronized JsonNode get(String name) {
        JsonNode v = options.get(name);
        return v == null || v.isNull() ? null : v;
    }

    @Override
    public String getString(String name, String defaultValue) {
        JsonNode v = get(name);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isTextual()) {
            throw new ShellException("option " + name + ": must be a string, got " + v);
        }
        return v.textValue();
    }

    @Override
    public int getInt(String name, int defaultValue) {
        JsonNode v = get(name);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ShellException("option " + name + ": must be an integer, got " + v);
        }
        return v.intValue();
    }

    /** @return the {@code verbose} option */
    Verbosity verbosity() {
        try {
            return new Verbosity(getInt("verbose", 0), null);
        } catch (ShellException e) {
            return new Verbosity(0, e.getMessage());
        }
    }

    @Override
    public synchronized void set(String name, JsonNode value) {
        if (value == null || value.isNull()) {
            options.remove(name);
        } else {
            options.set(name, value);
        }
    }

    @Override
    public synchronized ObjectNode toJson() {
        return options.deepCopy();
    }
}
