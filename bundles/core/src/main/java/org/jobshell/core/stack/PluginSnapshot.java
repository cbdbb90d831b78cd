package org.jobshell.core.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An immutable, sorted view of the registered plugins and plugin sources, taken by each job at its
 * start. The active plugins are the last loaded of each name, in load order (ranking, then the
 * {@code after}/{@code before} constraints, {@link StackOrder}); the others are shadowed. Names an
 * admin disabled are neither. {@link #order()} is what a shell walks when it attaches its plugins.
 */
public final class PluginSnapshot {

    /** The snapshot with no plugins. */
    public static final PluginSnapshot EMPTY = new PluginSnapshot(List.of(), List.of(), Set.of());

    private final List<PluginEntry> all;
    private final List<PluginEntry> active;
    private final List<Ranked> order;
    private final List<Ranked> listing;
    private final Map<PluginEntry, PluginEntry> shadowedBy;
    private final Set<String> disabled;
    private final List<String> warnings;
    private final AtomicBoolean warned = new AtomicBoolean();

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
        return new PluginSnapshot(entries, sources, Set.of());
    }

    /**
     * @param entries the registered plugins, in any order
     * @param sources the registered plugin sources, in any order
     * @param disabled the plugin names an admin disabled
     * @return the snapshot, sorted in load order
     */
    public static PluginSnapshot of(Collection<PluginEntry> entries, Collection<SourceEntry> sources,
            Set<String> disabled) {
        return new PluginSnapshot(entries, sources, disabled);
    }

    private PluginSnapshot(Collection<PluginEntry> entries, Collection<SourceEntry> sources, Set<String> disabled) {
        this.disabled = Set.copyOf(disabled);
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
            if (w != e) {
                shadows.put(e, w);
            } else if (!disabled.contains(e.name())) {
                act.add(e);
            }
        }
        StackOrder.Result resolved = StackOrder.resolve(act, disabled);
        this.active = resolved.order();
        this.warnings = resolved.warnings();
        this.shadowedBy = Map.copyOf(shadows);
        this.order = slotted(new ArrayList<>(act), sources);
        this.listing = slotted(all, sources);
    }

    /**
     * @return {@code plugins} and {@code sources} in load order, the slots of active plugins filled
     *     with them in their resolved order (sources, shadowed and disabled plugins keep their place)
     */
    private List<Ranked> slotted(List<PluginEntry> plugins, Collection<SourceEntry> sources) {
        List<Ranked> steps = new ArrayList<>(plugins);
        steps.addAll(sources);
        steps.sort(Ranked.LOAD_ORDER);
        Iterator<PluginEntry> resolved = active.iterator();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof PluginEntry && isActive((PluginEntry) steps.get(i))) {
                steps.set(i, resolved.next());
            }
        }
        return List.copyOf(steps);
    }

    private boolean isActive(PluginEntry e) {
        return !shadowedBy.containsKey(e) && !disabled.contains(e.name());
    }

    /** @return every plugin entry, in load order */
    public List<PluginEntry> all() {
        return all;
    }

    /** @return the plugin entries a job attaches, in their resolved order */
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

    /** @return every plugin entry and source, as {@code jobshell plugins} lists them */
    List<Ranked> listing() {
        return listing;
    }

    /**
     * @param entry an entry of this snapshot
     * @return the entry that shadows it, or null when it is active
     */
    public PluginEntry shadowedBy(PluginEntry entry) {
        return shadowedBy.get(entry);
    }

    /** @return the plugin names an admin disabled */
    public Set<String> disabled() {
        return disabled;
    }

    /** @return what is wrong with the plugins' ordering constraints, one line each */
    public List<String> warnings() {
        return warnings;
    }

    /** @return true the first time only: whoever gets it reports {@link #warnings()} */
    public boolean firstToWarn() {
        return !warnings.isEmpty() && warned.compareAndSet(false, true);
    }
}
