package org.jobshell.core.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobshell.api.ShellException;
import org.jobshell.core.spi.TaskLauncher;
import org.osgi.framework.ServiceReference;

/**
 * The task launcher services of the container and which of them a new job takes (docs/SPI.md, *Task
 * launchers*). Thread-safe: services come and go while jobs are submitted.
 */
final class LauncherChoice {

    private final Map<ServiceReference<TaskLauncher>, TaskLauncher> launchers = new HashMap<>();

    /**
     * @param ref a launcher service
     * @param launcher the service
     */
    synchronized void add(ServiceReference<TaskLauncher> ref, TaskLauncher launcher) {
        launchers.put(ref, launcher);
    }

    /** @param ref a launcher service going away */
    synchronized void remove(ServiceReference<TaskLauncher> ref) {
        launchers.remove(ref);
    }

    /**
     * @param tasks the job's tasks
     * @param name the core's {@value CoreSettings#LAUNCHER} setting, empty when unset
     * @return the launcher a new job takes: the one the setting names, else the highest-ranked one whose
     *     {@value TaskLauncher#MIN_TASKS} the job reaches, ties to the earlier registered
     *     ({@link ServiceReference#compareTo}, read now, so a changed ranking counts); and unless the
     *     setting names it, the others whose {@value TaskLauncher#MIN_TASKS} the job reaches too, by
     *     descending ranking, which a shell may take for a channel the first cannot pass (a launcher
     *     that does not pay off at this size is not taken for a channel either: a plugin that asked
     *     for it gets the refusal and does without, as pmi-simple does with {@code PMI_PORT})
     * @throws ShellException when there is no such launcher
     */
    synchronized JobLaunchers choose(int tasks, String name) {
        Map.Entry<ServiceReference<TaskLauncher>, TaskLauncher> chosen = launchers.entrySet().stream()
                .filter(e -> name.isEmpty() ? minTasks(e.getKey()) <= tasks
                        : name.equals(e.getKey().getProperty(TaskLauncher.NAME)))
                .max(Map.Entry.comparingByKey())
                .orElseThrow(() -> new ShellException(name.isEmpty() ? "no task launcher is available"
                        : "the launcher '" + name + "' (setting " + CoreSettings.LAUNCHER
                        + ") is not available: there are " + launcherNames() + " (this JVM is Java "
                        + Runtime.version().feature() + "; posix needs 22+)"));
        List<JobLaunchers.Named> others = new ArrayList<>();
        if (name.isEmpty()) {
            launchers.entrySet().stream().filter(e -> !e.getKey().equals(chosen.getKey()))
                    .filter(e -> minTasks(e.getKey()) <= tasks)
                    .sorted(Map.Entry.<ServiceReference<TaskLauncher>, TaskLauncher>comparingByKey().reversed())
                    .forEach(e -> others.add(named(e)));
        }
        return new JobLaunchers(named(chosen), others);
    }

    private static JobLaunchers.Named named(Map.Entry<ServiceReference<TaskLauncher>, TaskLauncher> launcher) {
        return new JobLaunchers.Named(String.valueOf(launcher.getKey().getProperty(TaskLauncher.NAME)),
                launcher.getValue());
    }

    private static long minTasks(ServiceReference<TaskLauncher> ref) {
        Object v = ref.getProperty(TaskLauncher.MIN_TASKS);
        if (v instanceof Number) {
            return ((Number) v).longValue();
        }
        try {
            return v == null ? 0 : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            return 0; // a bad value does not take a launcher away
        }
    }

    private String launcherNames() {
        StringBuilder b = new StringBuilder();
        for (ServiceReference<TaskLauncher> ref : launchers.keySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(ref.getProperty(TaskLauncher.NAME));
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
