package org.jobshell.core.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jobshell.api.Environment;

/**
 * The job environment of one shell. Its variables are an immutable map, replaced on every change
 * (the job environment changes rarely, mostly in {@code shell.init}), so that the tasks'
 * {@link TaskEnvironment}s share it instead of copying it: a task costs its own few variables, not
 * the submitter's whole environment. A change reaches every task not started yet, and overrides what
 * a task set for that variable itself.
 */
final class EnvironmentMap implements Environment {

    private volatile SortedMap<String, String> vars;
    private final List<TaskEnvironment> followers = new ArrayList<>();

    EnvironmentMap(Map<String, String> initial) {
        this.vars = Collections.unmodifiableSortedMap(new TreeMap<>(initial));
    }

    /** @param task a task environment over this one, which a later change of a variable overrides */
    synchronized void link(TaskEnvironment task) {
        followers.add(task);
    }

    /** @return the variables now: an immutable map, shared, not copied */
    SortedMap<String, String> snapshot() {
        return vars;
    }

    @Override
    public String get(String name) {
        return vars.get(name);
    }

    @Override
    public synchronized void set(String name, String value, boolean overwrite) {
        checkName(name);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + name + ": value is null");
        }
        if (!overwrite && vars.containsKey(name)) {
            return;
        }
        TreeMap<String, String> next = new TreeMap<>(vars);
        next.put(name, value);
        vars = Collections.unmodifiableSortedMap(next);
        changed(name);
    }

    @Override
    public synchronized boolean unset(String name) {
        if (!vars.containsKey(name)) {
            changed(name);
            return false;
        }
        TreeMap<String, String> next = new TreeMap<>(vars);
        next.remove(name);
        vars = Collections.unmodifiableSortedMap(next);
        changed(name);
        return true;
    }

    private void changed(String name) {
        for (TaskEnvironment t : followers) {
            t.jobChanged(name);
        }
    }

    @Override
    public SortedMap<String, String> toMap() {
        return new TreeMap<>(vars);
    }

    /** @throws IllegalArgumentException for a name that cannot be an environment variable */
    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad environment variable name: '" + name + "'");
        }
    }
}
