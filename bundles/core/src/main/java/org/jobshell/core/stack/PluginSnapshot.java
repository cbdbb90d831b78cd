package org.jobshell.core.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, sorted view of the registered plugins, taken by each job at its start. The active
 * plugins are the last loaded of each name, in load order; the others are shadowed.
 */
public final class PluginSnapshot {

    /** The snapshot with no plugins. */
    public static final PluginSnapshot EMPTY = new PluginSnapshot(List.of());

    private final List<PluginEntry> all;
    private final List<PluginEntry> active;
    private final Map<PluginEntry, PluginEntry> shadowedBy;

    /**
     * @param entries the registered plugins, in any order
     * @return the snapshot, sorted in load order
     */
    public static PluginSnapshot of(Collection<PluginEntry> entries) {
        List<PluginEntry> sorted = new ArrayList<>(entries);
        Collections.sort(sorted);
        return new PluginSnapshot(sorted);
    }

    private PluginSnapshot(List<PluginEntry> sorted) {
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
    }

    /** @return every entry, in load order */
    public List<PluginEntry> all() {
        return all;
    }

    /** @return the entries a job attaches, in load order */
    public List<PluginEntry> active() {
        return active;
    }

    /**
     * @param entry an entry of this snapshot
     * @return the entry that shadows it, or null when it is active
     */
    public PluginEntry shadowedBy(PluginEntry entry) {
        return shadowedBy.get(entry);
    }
}
