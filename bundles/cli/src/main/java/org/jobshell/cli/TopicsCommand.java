package org.jobshell.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jobshell.api.admin.PluginInfo;

/**
 * {@code jobshell topics}: each topic glob the active plugins handle, with the plugins that handle
 * it in call order (the load order of the next job).
 */
final class TopicsCommand {

    private final CliServices services;

    TopicsCommand(CliServices services) {
        this.services = services;
    }

    int run(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            throw new UsageException("topics: takes no arguments");
        }
        Map<String, List<String>> handlers = new TreeMap<>();
        for (PluginInfo p : services.inventory().plugins()) {
            if (p.active() && !p.disabled()) {
                for (String topic : p.topics()) {
                    handlers.computeIfAbsent(topic, t -> new ArrayList<>()).add(p.name());
                }
            }
        }
        Table t = new Table("TOPIC", "HANDLERS (in call order)");
        handlers.forEach((topic, names) -> t.row(topic, String.join(", ", names)));
        out.print(t);
        return 0;
    }
}
