package org.jobshell.plugin.killeventhandler;

import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Topics;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code kill_event_handler} plugin (spec §3.2): a kill request for the job ({@code jobshell
 * kill -s SIG ID}, {@code Job.kill}) reaches every running task of each shell, and what they started.
 * A request without a signal number is ignored with a warning.
 */
@Component(property = {ShellPlugin.NAME + "=kill_event_handler", "service.ranking:Integer=30"})
public final class KillEventHandlerPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.handle(Topics.SHELL_KILL, (shell, topic, args) -> {
            int signal = args.in().path("signum").asInt(0);
            if (signal > 0) {
                shell.killAll(signal);
            } else {
                shell.log().warn("kill: ignoring malformed request " + args.in());
            }
            args.markHandled();
        });
    }
}
