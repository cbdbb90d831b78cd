package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobshell.api.LogLevel;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.ShellException;
import org.jobshell.core.stack.AttachedPlugin;
import org.jobshell.core.stack.CoreOptions;

/**
 * Checks a job's shell options against what its plugins (and the core) declare, before any task
 * starts: a value a declaration refuses is an error naming the option and the declaring plugin; an
 * option nobody declares is a warning naming the nearest declared one (Flux users lose hours to
 * options that are silently ignored). Nested options are checked key by key where their keys are
 * declared ({@code output.limit}); an object option declared without declared keys takes any.
 */
final class OptionChecks {

    /**
     * One declaration.
     *
     * @param owner the declaring plugin (or the core)
     * @param spec the declaration
     */
    record Declared(String owner, OptionSpec spec) {
    }

    private final Map<String, List<Declared>> byName = new LinkedHashMap<>();

    /**
     * Checks one shell's options against its plugins' declarations and the core's, once the plugins
     * are attached.
     *
     * @param parts the shell
     * @param warn whether to log the warnings (the leader does; the other shells would repeat them)
     * @throws org.jobshell.core.stack.Fatal when a value is refused
     */
    static void apply(ShellParts parts, boolean warn) {
        List<Declared> declared = new ArrayList<>();
        for (OptionSpec o : CoreOptions.ALL) {
            declared.add(new Declared(CoreOptions.OWNER, o));
        }
        for (AttachedPlugin p : parts.stack().snapshot()) {
            for (OptionSpec o : p.options()) {
                declared.add(new Declared(p.name(), o));
            }
        }
        List<String> warnings;
        try {
            warnings = new OptionChecks(declared).check(parts.options().toJson());
        } catch (ShellException e) {
            throw parts.failure().fail(1, e.getMessage());
        }
        if (warn) {
            for (String w : warnings) {
                parts.logger().log(null, LogLevel.WARN, w);
            }
        }
    }

    /** @param declarations every declaration of the shell */
    OptionChecks(List<Declared> declarations) {
        for (Declared d : declarations) {
            byName.computeIfAbsent(d.spec().name(), k -> new ArrayList<>()).add(d);
        }
    }

    /**
     * @param options the job's options
     * @return one warning per option nobody declares
     * @throws ShellException for the first value a declaration refuses:
     *     {@code option NAME: PROBLEM (plugin P)}
     */
    List<String> check(ObjectNode options) {
        List<String> warnings = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            walk(e.getKey(), e.getValue(), warnings);
        }
        return warnings;
    }

    private void walk(String path, JsonNode value, List<String> warnings) {
        List<Declared> declared = byName.get(path);
        if (declared != null) {
            for (Declared d : declared) {
                try {
                    d.spec().validate(value);
                } catch (ShellException e) {
                    throw new ShellException("option " + path + ": " + e.getMessage() + " (plugin " + d.owner() + ")");
                }
            }
        }
        if (value.isObject() && hasKeysDeclared(path)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(path + "." + e.getKey(), e.getValue(), warnings);
            }
        } else if (declared == null) {
            warnings.add(unknown(path));
        }
    }

    private boolean hasKeysDeclared(String path) {
        String prefix = path + ".";
        for (String name : byName.keySet()) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private String unknown(String path) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String name : byName.keySet()) {
            int d = distance(path, name);
            if (d < best) {
                best = d;
                nearest = name;
            }
        }
        if (nearest != null && best <= Math.max(2, path.length() / 4)) {
            return "unknown option '" + path + "', did you mean '" + nearest + "'?";
        }
        return "unknown option '" + path + "': no plugin of this job declares it (see jobshell run --help-options)";
    }

    /** @return the Levenshtein distance of two names */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
