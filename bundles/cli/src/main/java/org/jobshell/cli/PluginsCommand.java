package org.jobshell.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import org.jobshell.api.admin.DeployFailure;
import org.jobshell.api.admin.PluginInfo;

/**
 * {@code jobshell plugins [--json]}: the plugins the next job gets, in load order: plugin services,
 * then what plugin sources (the Lua initrc) would push, each of those with where it comes from;
 * then the files of the plugin directory that failed (in the daemon).
 */
final class PluginsCommand {

    private final CliServices services;

    PluginsCommand(CliServices services) {
        this.services = services;
    }

    int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean json = false;
        for (String a : args) {
            if (a.equals("--json")) {
                json = true;
            } else {
                throw new UsageException("plugins: unknown argument '" + a + "' (see jobshell plugins --help)");
            }
        }
        List<PluginInfo> plugins = services.inventory().plugins();
        List<DeployFailure> failures = services.deployFailures();
        for (String problem : services.inventory().problems()) {
            err.println("jobshell: warning: " + problem);
        }
        if (json) {
            ArrayNode list = services.mapper().valueToTree(plugins);
            for (int i = 0; i < list.size(); i++) {
                ((ObjectNode) list.get(i)).put("state", plugins.get(i).state());
            }
            for (DeployFailure f : failures) {
                ObjectNode o = list.addObject();
                o.put("file", f.file());
                o.put("bundle", f.bundle());
                o.put("state", "failed");
                o.put("reason", f.reason());
            }
            out.println(services.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list));
        } else {
            out.print(table(plugins, failures));
        }
        return 0;
    }

    /** @return one row per plugin, then one per failed file; columns aligned */
    static String table(List<PluginInfo> plugins, List<DeployFailure> failures) {
        Table t = new Table("NAME", "RANKING", "STATE", "BUNDLE", "VERSION", "TOPICS");
        for (PluginInfo p : plugins) {
            String state = p.state() + (p.optional() ? ",optional" : "");
            String topics = p.topics().isEmpty() ? "-" : String.join(",", p.topics());
            if (p.origin() != null) {
                topics += "  (" + p.origin() + ")";
            }
            if (!p.active() && !p.disabled()) {
                topics += "  (shadowed by " + p.shadowedBy() + ")";
            }
            t.row(p.name(), Integer.toString(p.ranking()), state, p.bundle(), p.bundleVersion(), topics);
        }
        for (DeployFailure f : failures) {
            String[] bundle = f.bundle() == null ? new String[] {"-", "-"} : f.bundle().split(" ", 2);
            t.row(f.file(), "-", "failed", bundle[0], bundle.length > 1 ? bundle[1] : "-", f.reason());
        }
        return t.toString();
    }
}
