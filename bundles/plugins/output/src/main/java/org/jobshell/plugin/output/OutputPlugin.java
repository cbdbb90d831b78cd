package org.jobshell.plugin.output;

import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code output} plugin: each task's stdout and stderr go to the job's terminal line by
 * line (never cut inside a line, in order per task), labelled {@code <taskrank>: } with
 * {@code --label-io} (options {@code output.stdout.label}, {@code output.stderr.label}), and to the
 * output eventlog as {@code data} events. Shells other than the leader send their tasks' output
 * to the leader's {@value JobOutput#WRITE_METHOD} service.
 */
@Component(property = {ShellPlugin.NAME + "=output", "service.ranking:Integer=27"})
public final class OutputPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        new JobOutput(plugin);
    }
}
