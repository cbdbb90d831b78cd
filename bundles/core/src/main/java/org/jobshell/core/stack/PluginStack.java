package org.jobshell.core.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered plugins of one shell. Pushing a plugin appends it; a plugin already on the stack
 * with the same name is removed at once (the last loaded name wins and takes the end position).
 * Readers get an array snapshot, so a callback may push while a dispatch is iterating.
 */
public final class PluginStack {

    private static final AttachedPlugin[] EMPTY = new AttachedPlugin[0];

    private volatile AttachedPlugin[] plugins = EMPTY;

    /**
     * Appends a plugin, replacing any plugin of the same name.
     *
     * @param plugin the plugin
     * @return the replaced plugin, or null
     */
    public synchronized AttachedPlugin push(AttachedPlugin plugin) {
        AttachedPlugin replaced = null;
        List<AttachedPlugin> next = new ArrayList<>(plugins.length + 1);
        for (AttachedPlugin p : plugins) {
            if (p.name().equals(plugin.name())) {
                replaced = p;
            } else {
                next.add(p);
            }
        }
        next.add(plugin);
        plugins = next.toArray(EMPTY);
        return replaced;
    }

    /** @return the plugins in call order (a snapshot; do not modify) */
    public AttachedPlugin[] snapshot() {
        return plugins;
    }

    /** @return the names in call order */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (AttachedPlugin p : plugins) {
            names.add(p.name());
        }
        return names;
    }
}
