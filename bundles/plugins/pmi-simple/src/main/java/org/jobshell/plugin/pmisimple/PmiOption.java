package org.jobshell.plugin.pmisimple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.ShellException;

/**
 * The {@code pmi} option (spec §5): a comma list of the PMI kinds the job's tasks get. The simple PMI
 * server runs unless the option is given without {@code simple} or its aliases {@code pmi1} and
 * {@code pmi2}; {@code off} gives the tasks none. Any other value is an error, not a silent
 * {@code off} (spec, known problem 3).
 */
final class PmiOption {

    static final String NAME = "pmi";
    private static final List<String> SIMPLE = List.of("simple", "pmi1", "pmi2");
    private static final List<String> KNOWN = List.of("simple", "pmi1", "pmi2", "off");

    static final OptionSpec SPEC = OptionSpec.of(NAME, OptionSpec.Type.STRING).syntax("simple|pmi1|pmi2|off[,...]")
            .defaultValue("simple").help("the PMI the tasks get: simple (PMI-1 wire protocol, PMI_FD), or off")
            .check(PmiOption::check);
    static final OptionSpec KVS = OptionSpec.of("pmi-simple.kvs", OptionSpec.Type.STRING).values("exchange")
            .defaultValue("exchange").help("how shells share the PMI KVS: exchanged at each barrier");
    static final OptionSpec NOMAP = OptionSpec.of("pmi-simple.nomap", OptionSpec.Type.FLAG).defaultValue("false")
            .help("leave PMI_process_mapping out of the PMI KVS");

    private PmiOption() {
    }

    private static void check(JsonNode value) {
        for (String v : value.asText().split(",", -1)) {
            if (!KNOWN.contains(v.trim())) {
                throw new ShellException("unknown value '" + v.trim() + "' (known: " + String.join(", ", KNOWN) + ")");
            }
        }
    }

    /**
     * @param value the option's value, or null when not given
     * @return whether the simple PMI server runs
     */
    static boolean enabled(JsonNode value) {
        if (value == null) {
            return true;
        }
        for (String v : value.asText().split(",", -1)) {
            if (SIMPLE.contains(v.trim())) {
                return true;
            }
        }
        return false;
    }
}
