package org.jobshell.example.env;

import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Task;
import org.osgi.service.component.annotations.Component;

/**
 * Example plugin {@code env}: every task gets {@code MY_LOCAL_RANK}, its index among its shell's
 * tasks. A task's environment may change in {@code task.init} (and {@code task.exec}); the launcher
 * starts the task with exactly that environment.
 */
@Component(property = {ShellPlugin.NAME + "=env", "service.ranking:Integer=100"})
public final class EnvPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.handle("task.init", (shell, topic, args) -> {
            Task task = shell.currentTask();
            task.launch().environment().set("MY_LOCAL_RANK", Integer.toString(task.localId()));
        });
    }
}
