package org.jobshell.core.stack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.jobshell.api.ShellPlugin;

/**
 * Places plugins relative to named ones ({@value ShellPlugin#AFTER}, {@value ShellPlugin#BEFORE})
 * within their ranking order: of the plugins whose constraints are met, the first in ranking order
 * comes next, so ranking order holds wherever no constraint says otherwise. A name that is not on the
 * stack is one warning naming the plugin, and that constraint is dropped; a cycle is one warning
 * naming the plugins in it, and ranking order is used for the whole stack.
 */
final class StackOrder {

    /**
     * @param order the plugins in their resolved order
     * @param warnings what was wrong with the constraints, one line each
     */
    record Result(List<PluginEntry> order, List<String> warnings) {
    }

    private StackOrder() {
    }

    /**
     * @param ranked the plugins of the stack (one per name) in ranking order
     * @param absent names that are known but not on the stack (disabled ones): constraints naming
     *     them are dropped without a warning
     * @return the resolved order
     */
    static Result resolve(List<PluginEntry> ranked, Set<String> absent) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            index.put(ranked.get(i).name(), i);
        }
        List<Set<Integer>> next = new ArrayList<>();
        ranked.forEach(e -> next.add(new LinkedHashSet<>()));
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            PluginEntry e = ranked.get(i);
            List<String> unknown = new ArrayList<>();
            for (String a : e.constraints().after()) {
                edge(index, a, i, true, next, absent, unknown);
            }
            for (String b : e.constraints().before()) {
                edge(index, b, i, false, next, absent, unknown);
            }
            if (!unknown.isEmpty()) {
                warnings.add("plugin '" + e.name() + "': " + String.join(", ", unknown)
                        + " not on the stack; that constraint is ignored");
            }
        }
        int[] pending = new int[ranked.size()];
        next.forEach(s -> s.forEach(j -> pending[j]++));
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<PluginEntry> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(ranked.get(i));
            for (int j : next.get(i)) {
                if (--pending[j] == 0) {
                    ready.add(j);
                }
            }
        }
        if (order.size() < ranked.size()) {
            List<String> cycle = new ArrayList<>();
            for (int i = 0; i < pending.length; i++) {
                if (pending[i] > 0 && onCycle(i, next, pending)) {
                    cycle.add("'" + ranked.get(i).name() + "'");
                }
            }
            warnings.add("plugins " + String.join(", ", cycle) + ": their " + ShellPlugin.AFTER + "/"
                    + ShellPlugin.BEFORE + " constraints form a cycle; ranking order is used");
            return new Result(List.copyOf(ranked), List.copyOf(warnings));
        }
        return new Result(List.copyOf(order), List.copyOf(warnings));
    }

    /** @return whether {@code start} reaches itself through plugins still pending */
    private static boolean onCycle(int start, List<Set<Integer>> next, int[] pending) {
        Deque<Integer> todo = new ArrayDeque<>(next.get(start));
        Set<Integer> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            int j = todo.pop();
            if (j == start) {
                return true;
            }
            if (pending[j] > 0 && seen.add(j)) {
                todo.addAll(next.get(j));
            }
        }
        return false;
    }

    /** Adds the edge for "{@code i} comes after (or before) {@code name}", or notes the unknown name. */
    private static void edge(Map<String, Integer> index, String name, int i, boolean after, List<Set<Integer>> next,
            Set<String> absent, List<String> unknown) {
        Integer other = index.get(name);
        if (other == null) {
            if (!absent.contains(name)) {
                unknown.add((after ? ShellPlugin.AFTER : ShellPlugin.BEFORE) + " names '" + name + "', which is");
            }
        } else if (other != i) {
            if (after) {
                next.get(other).add(i);
            } else {
                next.get(i).add(other);
            }
        }
    }
}
