package org.jobshell.plugin.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code signal} plugin (spec §3.2): with {@code -o signal} and a time limit
 * ({@code jobshell run -t}), the leader shell sends every task of the job a signal (SIGUSR1 by
 * default) some time (60 s by default) before the limit, so that applications can checkpoint;
 * {@code -o signal.signum=12 -o signal.timeleft=5m}. Without a time limit it says so, once, and
 * sends nothing. Each shell offers the method {@code signal} the leader calls to reach its tasks.
 */
@Component(property = {ShellPlugin.NAME + "=signal", "service.ranking:Integer=72"})
public final class SignalPlugin implements ShellPlugin {

    private static final String METHOD = "signal";

    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(OptionSpec.of(SignalOption.NAME, OptionSpec.Type.ANY).syntax("1|{signum, timeleft}")
                .help("signal the job before its time limit: SIGUSR1 60 s before unless signum, timeleft say")
                .check(SignalOption::of));
        ScheduledExecutorService[] timer = new ScheduledExecutorService[1];
        plugin.handle("shell.init", (shell, topic, args) -> {
            SignalOption option = SignalOption.of(shell.options().get(SignalOption.NAME));
            if (option == null) {
                return;
            }
            shell.register(METHOD, request -> {
                shell.killAll(request.path("signum").asInt());
                return null;
            });
            if (shell.info().rank() == 0) {
                timer[0] = arm(shell, option);
            }
        });
        plugin.handle("shell.exit", (shell, topic, args) -> {
            if (timer[0] != null) {
                timer[0].shutdownNow();
            }
        });
    }

    /** @return the timer that fires at expiration - timeleft, or null when the job has no time limit */
    private static ScheduledExecutorService arm(Shell shell, SignalOption option) {
        double expiration = shell.info().resources().path("execution").path("expiration").asDouble(0);
        if (expiration <= 0) {
            shell.log().notice("job has no expiration, " + option.signame() + " will not be sent");
            return null;
        }
        double at = expiration - option.timeleft();
        long delay = Math.max(0, Math.round(at * 1000) - System.currentTimeMillis());
        shell.log().debug(String.format(Locale.ROOT, "Will send %s to job in %.1fs", option.signame(), delay / 1000.0));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jobshell-signal-" + shell.info().jobIdString());
            t.setDaemon(true);
            return t;
        });
        // sent from the shell's loop, guarded like a handler (a time limit passed before shell.start waits for it)
        timer.schedule(() -> shell.execute(() -> send(shell, option, expiration)), delay, TimeUnit.MILLISECONDS);
        return timer;
    }

    private static void send(Shell shell, SignalOption option, double expiration) {
        double left = Math.max(0, expiration - System.currentTimeMillis() / 1000.0);
        shell.log().notice(String.format(Locale.ROOT, "job will expire in %.1fs, sending %s to job", left,
                option.signame()));
        JsonNode request = JsonNodeFactory.instance.objectNode().put("signum", option.signum());
        for (int r = 0; r < shell.info().size(); r++) {
            int rank = r;
            shell.rpc(r, METHOD, request).exceptionally(e -> {
                shell.log().error("cannot signal the tasks of shell " + rank + ": " + e.getMessage());
                return null;
            });
        }
    }
}
