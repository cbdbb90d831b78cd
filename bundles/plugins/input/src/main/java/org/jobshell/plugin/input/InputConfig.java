package org.jobshell.plugin.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.BitSet;
import org.jobshell.api.Idset;
import org.jobshell.api.ShellException;

/**
 * Option {@code input} (spec §8.4): {@code input.stdin.type} {@code service} (the job's input, what
 * {@code jobshell run} reads, to the tasks of {@code input.stdin.ranks}, all by default) or
 * {@code file} (every task reads {@code input.stdin.path} from its start).
 *
 * @param file the file every task reads, or null for the job's input
 * @param ranks the tasks that get the job's input, null for all
 */
record InputConfig(String file, BitSet ranks) {

    /**
     * @param input the {@code input} option, or null
     * @return the settings
     * @throws ShellException naming the option
     */
    static InputConfig of(JsonNode input) {
        JsonNode stdin = input == null ? null : input.get("stdin");
        if (stdin == null) {
            return new InputConfig(null, null);
        }
        String type = stdin.path("type").asText("service");
        if (type.equals("file")) {
            JsonNode path = stdin.get("path");
            if (path == null || !path.isTextual() || path.textValue().isEmpty()) {
                throw new ShellException("option input.stdin.path: required with input.stdin.type=file");
            }
            return new InputConfig(path.textValue(), null);
        }
        return new InputConfig(null, ranks(stdin.get("ranks")));
    }

    /** @return the ranks of {@code input.stdin.ranks}: {@code all} or an idset; null for all */
    static BitSet ranks(JsonNode value) {
        if (value == null || value.asText().equals("all")) {
            return null;
        }
        try {
            return Idset.decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new ShellException("must be all or an idset of task ranks, got " + value);
        }
    }

    /** @return whether the task gets the job's input */
    boolean fed(int rank) {
        return file == null && (ranks == null || ranks.get(rank));
    }
}
