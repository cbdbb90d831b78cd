package org.jobshell.core.launch;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends signals to task processes and everything they started, the tasks first. The JDK only sends
 * SIGTERM and SIGKILL; other signals go through one {@code kill} exec for the whole batch.
 */
public final class Signals {

    /** SIGKILL. */
    public static final int KILL = 9;
    /** SIGTERM. */
    public static final int TERM = 15;

    private Signals() {
    }

    /**
     * Signals processes and all their descendants (found with one scan of the process table).
     *
     * @param pids the processes
     * @param signal the signal number
     */
    public static void sendToTrees(Collection<Long> pids, int signal) {
        if (pids.isEmpty() || signal <= 0) {
            return;
        }
        send(withDescendants(pids), signal);
    }

    /**
     * @param pids processes
     * @param signal the signal number
     */
    public static void send(Collection<Long> pids, int signal) {
        if (pids.isEmpty() || signal <= 0) {
            return;
        }
        if (signal == KILL || signal == TERM) {
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(h -> {
                    if (signal == KILL) {
                        h.destroyForcibly();
                    } else {
                        h.destroy();
                    }
                });
            }
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("kill", "-s", Integer.toString(signal), "--"));
        for (long pid : pids) {
            cmd.add(Long.toString(pid));
        }
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot send signal " + signal + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<Long> withDescendants(Collection<Long> roots) {
        Map<Long, List<Long>> children = new HashMap<>();
        ProcessHandle.allProcesses().forEach(p -> p.parent()
                .ifPresent(parent -> children.computeIfAbsent(parent.pid(), k -> new ArrayList<>()).add(p.pid())));
        return treeOrder(roots, children);
    }

    /**
     * The order signals are sent in: the roots (the tasks) first, then their children, then theirs.
     * Sent one by one, a task's own handler must see the signal before what it started dies of it:
     * a shell whose {@code wait} returned because its child was killed would exit without running
     * its trap.
     *
     * @param roots the processes
     * @param children each process's children
     * @return the roots and all their descendants, parents before children
     */
    static Set<Long> treeOrder(Collection<Long> roots, Map<Long, List<Long>> children) {
        Set<Long> all = new LinkedHashSet<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            long pid = todo.removeFirst();
            if (all.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return all;
    }
}
