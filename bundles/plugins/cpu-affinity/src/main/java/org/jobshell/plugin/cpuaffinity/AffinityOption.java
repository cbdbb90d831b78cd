package org.jobshell.plugin.cpuaffinity;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.ShellException;

/**
 * The parsed {@code cpu-affinity} option.
 *
 * @param mode what to do
 * @param map the sets of {@code map:LIST}, else null
 * @param verbose log the sets
 * @param dryRun log the sets without binding
 * @param invalid the option was not a string (then the mode is {@code on})
 * @param unknown what of the value is not understood (then the mode is {@code on}), else null
 */
record AffinityOption(Mode mode, String map, boolean verbose, boolean dryRun, boolean invalid, String unknown) {

    /** How the option is written. */
    static final String SYNTAX = "[dry-run,][verbose,](on|off|per-task|map:LIST)";

    /** The option's declaration: checked before any task starts. */
    static final OptionSpec SPEC = OptionSpec.of("cpu-affinity", OptionSpec.Type.STRING).syntax(SYNTAX)
            .defaultValue("on").help("bind each task to the shell's cores (on), its own share of them (per-task), "
                    + "the sets of LIST (map:0-1;2-3), or not at all (off)")
            .check(AffinityOption::check);

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
            return new AffinityOption(Mode.ON, null, false, false, false, null);
        }
        if (!value.isTextual()) {
            return new AffinityOption(Mode.ON, null, false, false, true, null);
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
            return new AffinityOption(Mode.OFF, null, verbose, dryRun, false, null);
        }
        if (rest.equals("per-task")) {
            return new AffinityOption(Mode.PER_TASK, null, verbose, dryRun, false, null);
        }
        if (rest.startsWith("map:")) {
            return new AffinityOption(Mode.MAP, rest.substring(4), verbose, dryRun, false, null);
        }
        String unknown = rest.isEmpty() || rest.equals("on") ? null : rest;
        return new AffinityOption(Mode.ON, null, verbose, dryRun, false, unknown);
    }

    /**
     * Stricter than the reference, which takes any unknown value as {@code on}: a typo fails the job
     * before any task starts.
     *
     * @param value a string value
     * @throws ShellException naming what is not understood
     */
    static void check(JsonNode value) {
        AffinityOption o = parse(value);
        if (o.unknown() != null) {
            throw new ShellException("must be " + SYNTAX + ", got " + value);
        }
        if (o.mode() == Mode.MAP) {
            CpuSetParser.parseMap(o.map());
        }
    }

    private static String dropComma(String s) {
        return s.startsWith(",") ? s.substring(1) : s;
    }
}
