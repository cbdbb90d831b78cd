package org.jobshell.core.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jobshell.api.ShellException;

/**
 * How big a job this container takes, so that a job too big for the machine is refused in one line
 * before anything starts, instead of running the container out of processes, descriptors or memory.
 * Each limit is a setting; its default comes from the machine:
 *
 * <ul>
 *   <li>{@code max.tasks} (whole job): half of what the process limits allow (pid_max, the user's
 *       process limit), and no more than the open-file limit lets run at once (each running task
 *       holds three descriptors of the container: its stdout, stderr and stdin pipes);</li>
 *   <li>{@code max.shells}: every shell is a thread; at most 1024, and no more than pid_max / 32;</li>
 *   <li>{@code max.tasks.per.shell}: defaults to {@code max.tasks}.</li>
 * </ul>
 *
 * @param maxTasks the most tasks of one job
 * @param maxShells the most shells of one job
 * @param maxTasksPerShell the most tasks of one shell
 * @param derivation how the defaults were derived, for messages
 */
record JobLimits(int maxTasks, int maxShells, int maxTasksPerShell, String derivation) {

    /** Setting: the most tasks of one job. */
    static final String MAX_TASKS = "max.tasks";
    /** Setting: the most shells of one job. */
    static final String MAX_SHELLS = "max.shells";
    /** Setting: the most tasks of one shell. */
    static final String MAX_TASKS_PER_SHELL = "max.tasks.per.shell";

    /** Descriptors the container keeps for itself: jars, sockets, logs. */
    private static final int RESERVED_FDS = 256;
    /** What one running task holds in the container: its stdout and stderr pipes, and its stdin pipe. */
    private static final int FDS_PER_TASK = 3;
    private static final int SHELL_CAP = 1024;

    /**
     * @param settings the core's settings
     * @return the limits: settings where given, else derived from this machine
     * @throws ShellException naming a setting that is not a positive number
     */
    static JobLimits of(Settings settings) {
        long pidMax = readLong(Path.of("/proc/sys/kernel/pid_max"), 32_768);
        long nproc = limit("Max processes", Long.MAX_VALUE);
        long nofile = limit("Max open files", 1024);
        int tasks = (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                Math.min(Math.min(pidMax, nproc) / 2, Math.max(1, nofile - RESERVED_FDS) / FDS_PER_TASK)));
        int shells = (int) Math.max(1, Math.min(SHELL_CAP, pidMax / 32));
        String how = "derived from pid_max " + pidMax + ", max processes " + (nproc == Long.MAX_VALUE ? "unlimited" : nproc)
                + ", open files " + nofile;
        int maxTasks = settings.positiveInt(MAX_TASKS, tasks);
        return new JobLimits(maxTasks, settings.positiveInt(MAX_SHELLS, shells),
                settings.positiveInt(MAX_TASKS_PER_SHELL, maxTasks), how);
    }

    /**
     * @param spec a job
     * @throws ShellException naming the limit and its setting when the job exceeds one
     */
    void check(Jobspec spec) {
        refuse(spec.totalTasks(), maxTasks, "tasks", MAX_TASKS);
        refuse(spec.nnodes(), maxShells, "shells (nodes)", MAX_SHELLS);
        int perShell = (spec.totalTasks() + spec.nnodes() - 1) / spec.nnodes();
        refuse(perShell, maxTasksPerShell, "tasks on one shell", MAX_TASKS_PER_SHELL);
    }

    private void refuse(long asked, int limit, String what, String setting) {
        if (asked > limit) {
            throw new ShellException("the job asks for " + asked + " " + what + "; this container takes at most "
                    + limit + " (setting " + setting + ", jobshell." + setting + " in etc/jobshell.properties; the"
                    + " default is " + derivation + ")");
        }
    }

    private static long limit(String name, long fallback) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith(name)) {
                    String soft = line.substring(name.length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the fallback stands
        }
        return fallback;
    }

    private static long readLong(Path file, long fallback) {
        try {
            // readAllLines, not readString: on some kernels procfs sizes make readString stop early
            return Long.parseLong(Files.readAllLines(file).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }
}
