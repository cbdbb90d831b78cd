package org.jobshell.core.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends signals to task processes and everything they started. The JDK only sends SIGTERM and
 * SIGKILL; other signals go through one {@code kill} exec for the whole batch.
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
        Set<Long> all = new HashSet<>();
        List<Long> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            if (all.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return all;
    }
}
