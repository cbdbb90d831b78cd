package org.jobshell.core.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, sorted view of the registered plugins and plugin sources, taken by each job at its
 * start. The active plugins are the last loaded of each name, in load order; the others are
 * shadowed. {@link #order()} is what a shell walks when it attaches its plugins.
 */
public final class PluginSnapshot {

    /** The snapshot with no plugins. */
    public static final PluginSnapshot EMPTY = new PluginSnapshot(List.of(), List.of());

    private final List<PluginEntry> all;
    private final List<PluginEntry> active;
    private final List<Ranked> order;
    private final Map<PluginEntry, PluginEntry> shadowedBy;

    /**
     * @param entries the registered plugins, in any order
     * @return the snapshot, sorted in load order, without sources
     */
    public static PluginSnapshot of(Collection<PluginEntry> entries) {
        return of(entries, List.of());
    }

    /**
     * @param entries the registered plugins, in any order
     * @param sources the registered plugin sources, in any order
     * @return the snapshot, sorted in load order
     */
    public static PluginSnapshot of(Collection<PluginEntry> entries, Collection<SourceEntry> sources) {
        return new PluginSnapshot(entries, sources);
    }

    private PluginSnapshot(Collection<PluginEntry> entries, Collection<SourceEntry> sources) {
        List<PluginEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Ranked.LOAD_ORDER);
        this.all = List.copyOf(sorted);
        Map<String, PluginEntry> winner = new HashMap<>();
        for (PluginEntry e : all) {
            winner.put(e.name(), e);
        }
        List<PluginEntry> act = new ArrayList<>();
        Map<PluginEntry, PluginEntry> shadows = new HashMap<>();
        for (PluginEntry e : all) {
            PluginEntry w = winner.get(e.name());
            if (w == e) {
                act.add(e);
            } else {
                shadows.put(e, w);
            }
        }
        this.active = List.copyOf(act);
        this.shadowedBy = Map.copyOf(shadows);
        List<Ranked> steps = new ArrayList<>(active);
        steps.addAll(sources);
        steps.sort(Ranked.LOAD_ORDER);
        this.order = List.copyOf(steps);
    }

    /** @return every plugin entry, in load order */
    public List<PluginEntry> all() {
        return all;
    }

    /** @return the plugin entries a job attaches, in load order */
    public List<PluginEntry> active() {
        return active;
    }

    /**
     * @return what a shell attaches, in load order: each active {@link PluginEntry}, and each
     *     {@link SourceEntry} asked to contribute at its place
     */
    public List<Ranked> order() {
        return order;
    }

    /**
     * @param entry an entry of this snapshot
     * @return the entry that shadows it, or null when it is active
     */
    public PluginEntry shadowedBy(PluginEntry entry) {
        return shadowedBy.get(entry);
    }
}
