package org.jobshell.plugin.taskexit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The builtin {@code task-exit} plugin (the reference's "doom"): once the first task of a job exits,
 * {@code -o exit-on-error} fails the job if that task failed, and otherwise the job fails when it has
 * not ended {@code exit-timeout} (default 30 s, {@code none} for never) later. One timer thread serves
 * every job.
 */
@Component(property = {ShellPlugin.NAME + "=task-exit", "service.ranking:Integer=54"})
public final class TaskExitPlugin implements ShellPlugin {

    static final String EXIT_TIMEOUT = "exit-timeout";
    static final String EXIT_ON_ERROR = "exit-on-error";

    private ScheduledExecutorService timer;

    @Activate
    void activate() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jobshell-task-exit-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(OptionSpec.of(EXIT_TIMEOUT, OptionSpec.Type.ANY).syntax("N[smhd]|none").defaultValue("30s")
                .help("fail the job this long after its first task exited, unless every task has ended")
                .check(Duration::of));
        plugin.declare(OptionSpec.of(EXIT_ON_ERROR, OptionSpec.Type.ANY).syntax("1").defaultValue("off")
                .help("fail the job as soon as its first task to exit has failed (set by presence)"));
        new Doom(plugin, timer);
    }
}
