package org.jobshell.core.job;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jobshell.api.Environment;

/**
 * One task's environment: the job environment of its shell, which it shares, plus the few variables
 * the task sets or unsets itself (its {@code JOBSHELL_TASK_*}, what {@code task.init} changes). When
 * the task starts it keeps the job environment of that moment (still shared, not copied) and becomes
 * read-only.
 */
final class TaskEnvironment implements Environment {

    /** In {@link #own}: the task unset the variable. */
    private static final String UNSET = new String("<unset>");

    private final EnvironmentMap job;
    private final TreeMap<String, String> own = new TreeMap<>();
    private SortedMap<String, String> frozen;

    TaskEnvironment(EnvironmentMap job) {
        this.job = job;
    }

    /** The job set or unset {@code name}: that now wins over what the task set itself. */
    synchronized void jobChanged(String name) {
        if (frozen == null) {
            own.remove(name);
        }
    }

    /** The task started: its environment is fixed. */
    synchronized void freeze() {
        if (frozen == null) {
            frozen = job.snapshot();
        }
    }

    /** @return the job variables this task reads: the job's own immutable map, shared, never a copy */
    SortedMap<String, String> base() {
        return frozen != null ? frozen : job.snapshot();
    }

    @Override
    public synchronized String get(String name) {
        String v = own.get(name);
        if (v != null) {
            return v == UNSET ? null : v;
        }
        return base().get(name);
    }

    @Override
    public synchronized void set(String name, String value, boolean overwrite) {
        EnvironmentMap.checkName(name);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + name + ": value is null");
        }
        checkWritable();
        if (!overwrite && get(name) != null) {
            return;
        }
        own.put(name, value);
    }

    @Override
    public synchronized boolean unset(String name) {
        checkWritable();
        boolean was = get(name) != null;
        own.put(name, UNSET);
        return was;
    }

    @Override
    public synchronized SortedMap<String, String> toMap() {
        TreeMap<String, String> all = new TreeMap<>(base());
        for (Map.Entry<String, String> e : own.entrySet()) {
            if (e.getValue() == UNSET) {
                all.remove(e.getKey());
            } else {
                all.put(e.getKey(), e.getValue());
            }
        }
        return all;
    }

    private void checkWritable() {
        if (frozen != null) {
            throw new IllegalStateException("the task has started: its environment can no longer change");
        }
    }
}
