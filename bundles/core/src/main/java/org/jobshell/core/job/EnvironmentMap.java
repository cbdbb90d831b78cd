package org.jobshell.core.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jobshell.api.Environment;

/**
 * An environment: the job's, or one task's. Changes to a job environment are copied into the
 * environments linked to it (the tasks not started yet).
 */
final class EnvironmentMap implements Environment {

    private final TreeMap<String, String> vars;
    private final List<EnvironmentMap> followers = new ArrayList<>();
    private boolean frozen;

    EnvironmentMap(Map<String, String> initial) {
        this.vars = new TreeMap<>(initial);
    }

    /** @param task an environment that receives every later change of this one */
    synchronized void link(EnvironmentMap task) {
        followers.add(task);
    }

    /** Makes this environment read-only (its task started). */
    synchronized void freeze() {
        frozen = true;
    }

    @Override
    public synchronized String get(String name) {
        return vars.get(name);
    }

    @Override
    public synchronized void set(String name, String value, boolean overwrite) {
        checkName(name);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + name + ": value is null");
        }
        checkWritable();
        if (!overwrite && vars.containsKey(name)) {
            return;
        }
        vars.put(name, value);
        for (EnvironmentMap f : followers) {
            if (!f.isFrozen()) {
                f.set(name, value, true);
            }
        }
    }

    @Override
    public synchronized boolean unset(String name) {
        checkWritable();
        boolean was = vars.remove(name) != null;
        for (EnvironmentMap f : followers) {
            if (!f.isFrozen()) {
                f.unset(name);
            }
        }
        return was;
    }

    @Override
    public synchronized SortedMap<String, String> toMap() {
        return new TreeMap<>(vars);
    }

    private synchronized boolean isFrozen() {
        return frozen;
    }

    private void checkWritable() {
        if (frozen) {
            throw new IllegalStateException("the task has started: its environment can no longer change");
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad environment variable name: '" + name + "'");
        }
    }
}
