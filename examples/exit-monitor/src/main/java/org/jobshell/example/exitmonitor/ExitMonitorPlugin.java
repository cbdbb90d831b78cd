package org.jobshell.example.exitmonitor;

import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Task;
import org.osgi.service.component.annotations.Component;

/**
 * Example plugin {@code exit-monitor}: logs {@code task N exited with code C} for every task whose
 * exit code is not 0 ({@code 128 + N} for a task killed by signal N). {@code task.exit} comes once per
 * task, after it exited and its output ended; a failure in it is only logged, so a monitor cannot
 * break a job.
 */
@Component(property = {ShellPlugin.NAME + "=exit-monitor", "service.ranking:Integer=100"})
public final class ExitMonitorPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.handle("task.exit", (shell, topic, args) -> {
            Task task = shell.currentTask();
            if (task.exitCode() != 0) {
                shell.log().notice("task " + task.rank() + " exited with code " + task.exitCode());
            }
        });
    }
}
