package org.jobshell.plugin.signals;

import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Topics;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code signals} plugin: what a signal received by the job ({@code jobshell run}, or its
 * client in front of the daemon) does. SIGINT, SIGTERM and SIGHUP cancel each shell (no more tasks
 * start, the running ones get the signal, SIGKILL after the kill grace period); any other (SIGUSR1,
 * SIGUSR2, SIGCONT, SIGWINCH, SIGALRM) goes to every running task and the job goes on, so that
 * applications can checkpoint on it. The reference's plugin forwards SIGINT, SIGTERM and SIGALRM.
 */
@Component(property = {ShellPlugin.NAME + "=signals", "service.ranking:Integer=33"})
public final class SignalsPlugin implements ShellPlugin {

    private static final int SIGHUP = 1;
    private static final int SIGINT = 2;
    private static final int SIGTERM = 15;

    @Override
    public void attach(PluginContext plugin) {
        plugin.handle(Topics.SHELL_SIGNAL, (shell, topic, args) -> {
            int signal = args.in().path("signum").asInt(0);
            if (signal == SIGINT || signal == SIGTERM || signal == SIGHUP) {
                shell.cancel(signal);
            } else {
                shell.killAll(signal);
            }
            args.markHandled();
        });
    }
}
