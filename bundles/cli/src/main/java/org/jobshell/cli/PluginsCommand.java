package org.jobshell.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.admin.PluginInfo;
import org.jobshell.api.admin.PluginInventory;

/**
 * {@code jobshell plugins [--json]}: the plugins the next job gets, in load order: plugin services,
 * then what plugin sources (the Lua initrc) would push, each of those with where it comes from.
 */
final class PluginsCommand {

    private final PluginInventory inventory;
    private final ObjectMapper mapper;

    PluginsCommand(PluginInventory inventory, ObjectMapper mapper) {
        this.inventory = inventory;
        this.mapper = mapper;
    }

    int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean json = false;
        for (String a : args) {
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("-h") || a.equals("--help")) {
                out.print(Help.PLUGINS);
                return 0;
            } else {
                throw new UsageException("plugins: unknown argument '" + a + "' (see jobshell plugins --help)");
            }
        }
        List<PluginInfo> plugins = inventory.plugins();
        for (String problem : inventory.problems()) {
            err.println("jobshell: warning: " + problem);
        }
        if (json) {
            out.println(mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plugins));
        } else {
            out.print(table(plugins));
        }
        return 0;
    }

    /** @return one row per plugin, columns aligned */
    static String table(List<PluginInfo> plugins) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "RANKING", "STATE", "BUNDLE", "VERSION", "TOPICS"});
        for (PluginInfo p : plugins) {
            String state = (p.active() ? "active" : "shadowed") + (p.optional() ? ",optional" : "");
            String topics = p.topics().isEmpty() ? "-" : String.join(",", p.topics());
            if (p.origin() != null) {
                topics += "  (" + p.origin() + ")";
            }
            if (!p.active()) {
                topics += "  (shadowed by " + p.shadowedBy() + ")";
            }
            rows.add(new String[] {p.name(), Integer.toString(p.ranking()), state, p.bundle(), p.bundleVersion(),
                topics});
        }
        int[] widths = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < widths.length; i++) {
                b.append(r[i]).append(" ".repeat(widths[i] - r[i].length() + 2));
            }
            b.append(r[5]).append('\n');
        }
        return b.toString();
    }
}
