package org.jobshell.plugin.cpuaffinity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parsed {@code cpu-affinity} option.
 *
 * @param mode what to do
 * @param map the sets of {@code map:LIST}, else null
 * @param verbose log the sets
 * @param dryRun log the sets without binding
 * @param invalid the option was not a string (then the mode is {@code on})
 */
record AffinityOption(Mode mode, String map, boolean verbose, boolean dryRun, boolean invalid) {

    /** The modes. */
    enum Mode {
        /** Bind every task to the shell's cores. */
        ON,
        /** Leave affinity alone. */
        OFF,
        /** Spread the shell's cores over its tasks. */
        PER_TASK,
        /** Explicit sets per task. */
        MAP
    }

    /**
     * @param value the option value, or null when unset
     * @return the option; anything unknown means {@code on}, as in the reference
     */
    static AffinityOption parse(JsonNode value) {
        if (value == null) {
            return new AffinityOption(Mode.ON, null, false, false, false);
        }
        if (!value.isTextual()) {
            return new AffinityOption(Mode.ON, null, false, false, true);
        }
        String rest = value.textValue().trim();
        boolean verbose = false;
        boolean dryRun = false;
        boolean consumed = true;
        while (consumed) {
            consumed = false;
            if (rest.startsWith("dry-run")) {
                dryRun = true;
                rest = dropComma(rest.substring("dry-run".length()));
                consumed = true;
            } else if (rest.startsWith("verbose")) {
                verbose = true;
                rest = dropComma(rest.substring("verbose".length()));
                consumed = true;
            }
        }
        if (rest.equals("off")) {
            return new AffinityOption(Mode.OFF, null, verbose, dryRun, false);
        }
        if (rest.equals("per-task")) {
            return new AffinityOption(Mode.PER_TASK, null, verbose, dryRun, false);
        }
        if (rest.startsWith("map:")) {
            return new AffinityOption(Mode.MAP, rest.substring(4), verbose, dryRun, false);
        }
        return new AffinityOption(Mode.ON, null, verbose, dryRun, false);
    }

    private static String dropComma(String s) {
        return s.startsWith(",") ? s.substring(1) : s;
    }
}
