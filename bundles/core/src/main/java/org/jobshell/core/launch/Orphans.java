package org.jobshell.core.launch;

import org.jobshell.core.spi.TaskLauncher;

/**
 * No process a task started outlives its job. Each shell of a job gets a key that its tasks carry in
 * {@value #VARIABLE}; processes inherit it, so what a task started (double-forked, {@code setsid}
 * included) is found by it in {@code /proc} and killed: when the shell ends, after its last task
 * exited while something still held its output, and, through the {@link Janitor}, when the container
 * itself dies. The cost is one {@code /proc} scan per shell, after its end and off the job's path
 * (the janitor makes it when the container exits first), and one {@code sh} process per container.
 */
public final class Orphans implements AutoCloseable {

    /** The environment variable that marks a shell's processes. */
    public static final String VARIABLE = "JOBSHELL_JOB_KEY";

    private final long container = ProcessHandle.current().pid();
    private final ProcSweep sweep = new ProcSweep();
    private final Janitor janitor = new Janitor();

    /**
     * @param launcher the job's launcher, which starts the janitor if it does not run yet
     * @param jobId the job
     * @param shellRank the shell
     * @return the key of that shell's processes, unique on this host while this container runs; the
     *     janitor watches it from now on
     */
    public String open(TaskLauncher launcher, String jobId, int shellRank) {
        String key = container + "." + jobId + "." + shellRank;
        janitor.watch(launcher, key);
        return key;
    }

    /** Waits (at most 5 s) until the janitor runs: before the first task of a job starts. */
    public void awaitJanitor() {
        janitor.awaitStarted(5_000);
    }

    /**
     * @param key a shell's key
     * @return how many processes still carrying it were killed
     */
    public int kill(String key) {
        return sweep.kill(VARIABLE, key);
    }

    /**
     * Kills what is left of a shell and stops watching its key.
     *
     * @param key a shell's key
     * @return how many processes were killed
     */
    public int close(String key) {
        int killed = kill(key);
        janitor.forget(key);
        return killed;
    }

    /** @return the janitor's pid, or -1 before the first job */
    public long janitorPid() {
        return janitor.pid();
    }

    @Override
    public void close() {
        janitor.close();
    }
}
