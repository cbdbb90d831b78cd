package org.jobshell.plugin.taskexit;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jobshell.api.Args;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.Task;

/**
 * task-exit for one shell (spec §6.4): each shell reports its first task exit to the leader (the
 * leader's own directly, the others through {@value #METHOD}); on the first report of the job the
 * leader fails the job at once when {@code exit-on-error} is set and the task failed, else starts the
 * {@code exit-timeout} timer, which {@code shell.tasks-complete} stops. So one task ending long before
 * the others (a crash that leaves its peers waiting forever) ends the job.
 */
final class Doom {

    /** The leader's service that hears of other shells' first task exits. */
    static final String METHOD = "task-exit.doom";

    private final ScheduledExecutorService timer;
    private Duration timeout;
    private boolean exitOnError;
    private boolean reported;
    private boolean firstSeen;
    private volatile boolean complete;
    private ScheduledFuture<?> expiry;

    Doom(PluginContext plugin, ScheduledExecutorService timer) {
        this.timer = timer;
        plugin.handle("shell.init", this::init);
        plugin.handle("task.exit", this::taskExit);
        plugin.handle("shell.tasks-complete", this::stop);
        plugin.handle("shell.exit", this::stop);
    }

    private void init(Shell shell, String topic, Args args) {
        timeout = Duration.of(shell.options().get(TaskExitPlugin.EXIT_TIMEOUT));
        exitOnError = shell.options().get(TaskExitPlugin.EXIT_ON_ERROR) != null;
        if (shell.info().rank() == 0) {
            shell.register(METHOD, request -> {
                first(shell, ExitReport.of(request));
                return null;
            });
        }
    }

    private void taskExit(Shell shell, String topic, Args args) {
        if (reported) {
            return;
        }
        reported = true;
        Task task = shell.currentTask();
        ExitReport report = new ExitReport(task.rank(), shell.rankInfo(-1).name(), task.exitCode(), task.signal());
        if (shell.info().rank() == 0) {
            first(shell, report);
        } else {
            shell.rpc(0, METHOD, report.toJson());
        }
    }

    /** On the leader: the job's first task exit decides, later ones are ignored. */
    private void first(Shell shell, ExitReport report) {
        if (firstSeen) {
            return;
        }
        firstSeen = true;
        String command = command(shell);
        if (exitOnError && report.exitCode() != 0) {
            throw shell.die(report.exitCode(), report.who(command) + " failed" + report.disposition()
                    + " and exit-on-error is set");
        }
        if (timeout.enabled()) {
            String message = report.who(command) + " exited" + report.disposition() + " and exit-timeout="
                    + timeout.text() + " has expired";
            int code = Math.max(1, report.exitCode());
            expiry = timer.schedule(() -> shell.execute(() -> {
                if (!complete) {
                    throw shell.die(code, message);
                }
            }), timeout.millis(), TimeUnit.MILLISECONDS);
        }
    }

    private void stop(Shell shell, String topic, Args args) {
        complete = true;
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    /** @return the base name of the job's command, as the reference names it in messages */
    private static String command(Shell shell) {
        String argv0 = shell.info().jobspec().path("tasks").path(0).path("command").path(0).asText("");
        return argv0.substring(argv0.lastIndexOf('/') + 1);
    }
}
