package org.jobshell.plugin.oom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.jobshell.api.IoErrors;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Task;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code oom} plugin (spec §3.2). {@code -o oom.adjust=N} writes N to each task's
 * {@code /proc/PID/oom_score_adj} at {@code task.fork}, right after the task started (a failure, such
 * as lowering it without the privilege, is logged at debug level and changes nothing else). Where
 * the shell's cgroup (v2) has a readable {@code memory.events}, each kill by the kernel's
 * out-of-memory killer in it is logged as an error, with the cgroup's peak memory use; elsewhere
 * (cgroup v1) a debug line says the monitoring is off, for jobs that give option {@code oom}.
 */
@Component(property = {ShellPlugin.NAME + "=oom", "service.ranking:Integer=75"})
public final class OomPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(OptionSpec.of(OomOption.NAME, OptionSpec.Type.OBJECT).syntax("{adjust: N}")
                .help("the tasks' oom_score_adj, -1000 to 1000: -o oom.adjust=500").check(OomOption::adjust));
        OomWatch[] watch = new OomWatch[1];
        plugin.handle("shell.init", (shell, topic, args) -> {
            JsonNode option = shell.options().get(OomOption.NAME);
            watch[0] = monitor(shell, option != null);
            OptionalInt adjust = option == null ? OptionalInt.empty() : OomOption.adjust(option);
            if (adjust.isPresent()) {
                String value = Integer.toString(adjust.getAsInt());
                plugin.handle("task.fork", (s, t, a) -> adjust(s, s.currentTask(), value));
            }
        });
        plugin.handle("shell.exit", (shell, topic, args) -> {
            if (watch[0] != null) {
                watch[0].close();
            }
        });
    }

    /**
     * @param asked whether the job gave option {@code oom}: only then is a missing cgroup worth a line
     *     (every job's log lines reach the {@code shell.log} handlers)
     */
    private static OomWatch monitor(Shell shell, boolean asked) {
        Optional<MemoryEvents> events = MemoryEvents.ofThisProcess(Path.of("/proc/self/cgroup"), Path.of("/proc/self/mounts"));
        if (events.isEmpty()) {
            if (asked) {
                shell.log().debug("no cgroup v2 memory.events for this shell: out-of-memory kills are not monitored");
            }
            return null;
        }
        String host = shell.rankInfo(shell.info().rank()).name();
        try {
            return OomWatch.start(events.get(), (killed, peak) -> {
                shell.log().error("Memory cgroup out of memory: killed " + killed + " task(s) on " + host + ".");
                shell.log().error("memory.peak = " + peak);
            });
        } catch (IOException e) {
            shell.log().debug("cannot watch " + events.get().dir() + ": " + IoErrors.reason(e));
            return null;
        }
    }

    private static void adjust(Shell shell, Task task, String value) {
        Path file = Path.of("/proc", Long.toString(task.pid()), "oom_score_adj");
        try {
            Files.writeString(file, value);
        } catch (IOException e) {
            shell.log().debug("cannot set task " + task.rank() + "'s oom_score_adj to " + value + ": " + IoErrors.reason(e));
        }
    }
}
