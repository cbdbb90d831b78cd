package org.jobshell.plugin.taskscomplete;

import org.jobshell.api.Args;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Topics;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code tasks-complete} plugin (spec §3.2): on the leader, it keeps the shells of the job
 * that have not reached {@code shell.finish} yet (each one's reaches the leader as
 * {@code shell.finished}), and calls {@code shell.tasks-complete} once, when none is left: from the
 * shell's main loop, so that every plugin has seen the last {@code shell.finished} first.
 */
@Component(property = {ShellPlugin.NAME + "=tasks-complete", "service.ranking:Integer=60"})
public final class TasksCompletePlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        Outstanding outstanding = new Outstanding();
        plugin.handle(Topics.SHELL_FINISHED, (shell, topic, args) -> {
            if (outstanding.finished(args.in().path("shell_rank").asInt(), shell.info().size())) {
                shell.execute(() -> shell.call(Topics.SHELL_TASKS_COMPLETE, new Args()));
            }
        });
    }
}
