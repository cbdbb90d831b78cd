package org.jobshell.cli;

import java.io.PrintStream;
import java.util.List;
import org.jobshell.api.admin.PluginSwitch;
import org.jobshell.launch.Caller;

/**
 * {@code jobshell disable NAME} and {@code jobshell enable NAME} (also {@code jobshell:disable} at the
 * console): a plugin name off or on again for the next job and the container's stack, kept across
 * restarts by the daemon.
 */
final class SwitchCommand {

    private final CliServices services;
    private final Caller caller;

    SwitchCommand(CliServices services, Caller caller) {
        this.services = services;
        this.caller = caller;
    }

    int run(String verb, List<String> args, PrintStream out) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new UsageException(verb + ": which plugin? (usage: jobshell " + verb + " NAME)");
        }
        PluginSwitch s = services.pluginSwitch();
        if (!caller.daemon() || s == null) {
            throw new UsageException(verb + ": no daemon answers: plugin switches are the daemon's (start one with"
                    + " 'jobshell daemon --detach')");
        }
        String name = args.get(0);
        boolean changed = verb.equals("disable") ? s.disable(name) : s.enable(name);
        out.println("plugin '" + name + "': " + (changed ? verb + "d" : "already " + verb + "d")
                + (changed ? " from the next job on" : ""));
        return 0;
    }
}
