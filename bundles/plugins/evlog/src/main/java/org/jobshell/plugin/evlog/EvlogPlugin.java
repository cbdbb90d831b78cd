package org.jobshell.plugin.evlog;

import org.jobshell.api.Args;
import org.jobshell.api.LogLevel;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Topics;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code evlog} plugin (spec §3.2): the shell log as users see it. Each {@code shell.log}
 * message up to its level is shown on the job's stderr ({@code jobshell[<rank>]: <LEVEL>: <component>:
 * <message>}) and recorded as a {@code log} event in the output eventlog ({@code Shell.recordLog}); the
 * others are dropped. Its level is NOTICE until {@code shell.log-setlevel} (destination {@code any} or
 * {@code eventlog}) sets it: the core does at the start of each job, with NOTICE plus {@code -v}'s
 * count. It takes every message it is offered, so the core records none of them itself.
 */
@Component(property = {ShellPlugin.NAME + "=evlog", "service.ranking:Integer=12"})
public final class EvlogPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        int[] level = {LogLevel.NOTICE.severity()};
        plugin.handle(Topics.SHELL_LOG_SETLEVEL, (shell, topic, args) -> {
            String dest = args.in().path("dest").asText("");
            if (dest.equals("any") || dest.equals("eventlog")) {
                level[0] = args.in().path("level").asInt(level[0]);
            }
        });
        plugin.handle(Topics.SHELL_LOG, (shell, topic, args) -> {
            if (args.in().path("level").asInt() <= level[0]) {
                record(shell, args);
            }
            args.markHandled();
        });
    }

    private static void record(Shell shell, Args args) {
        LogLevel level = LogLevel.ofSeverity(args.in().path("level").asInt());
        String component = args.in().hasNonNull("component") ? args.in().get("component").asText() : null;
        shell.recordLog(level, component, args.in().path("message").asText());
    }
}
