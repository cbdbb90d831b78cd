package org.jobshell.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jobshell.api.ShellException;

/**
 * Which plugins one job asks for, from its shell option {@code plugins}: {@code -NAME,...} leaves
 * those out, {@code NAME,...} takes only those (and {@code -NAME} then leaves one of them out again).
 * A string {@code "a,-b"} or an array of such names.
 */
public final class PluginSelection {

    /** The shell option. */
    public static final String OPTION = "plugins";

    /** Every plugin. */
    public static final PluginSelection ALL = new PluginSelection(Set.of(), Set.of());

    private final Set<String> only;
    private final Set<String> without;

    private PluginSelection(Set<String> only, Set<String> without) {
        this.only = only;
        this.without = without;
    }

    /**
     * @param value the option's value, or null
     * @return the selection
     * @throws ShellException saying what is wrong with it
     */
    public static PluginSelection of(JsonNode value) {
        if (value == null || value.isNull()) {
            return ALL;
        }
        List<String> names = new ArrayList<>();
        if (value.isTextual()) {
            names.addAll(List.of(value.textValue().split(",", -1)));
        } else if (value.isArray()) {
            for (JsonNode n : value) {
                if (!n.isTextual()) {
                    throw new ShellException("must be NAME,... or -NAME,..., got " + value);
                }
                names.add(n.textValue());
            }
        } else {
            throw new ShellException("must be NAME,... or -NAME,..., got " + value);
        }
        Set<String> only = new LinkedHashSet<>();
        Set<String> without = new LinkedHashSet<>();
        for (String raw : names) {
            String n = raw.trim();
            boolean minus = n.startsWith("-");
            String name = minus ? n.substring(1).trim() : n;
            if (name.isEmpty()) {
                throw new ShellException("an empty plugin name in " + value);
            }
            (minus ? without : only).add(name);
        }
        return new PluginSelection(Set.copyOf(only), Set.copyOf(without));
    }

    /**
     * @param name a plugin name
     * @return whether the job gets it
     */
    public boolean admits(String name) {
        return !without.contains(name) && (only.isEmpty() || only.contains(name));
    }

    /**
     * @param seen the names the job's stack was offered
     * @return the names this selection gives that are none of them, in the order given
     */
    public List<String> unknown(Collection<String> seen) {
        List<String> unknown = new ArrayList<>();
        for (Set<String> names : List.of(only, without)) {
            names.stream().filter(n -> !seen.contains(n)).forEach(unknown::add);
        }
        return unknown;
    }
}
