package org.jobshell.core.stack;

import java.util.Objects;
import org.jobshell.api.ShellPlugin;

/**
 * One registered plugin service: what sorting, replacement and listings need, taken from its service
 * properties. Becomes {@link #removed()} when the service goes away, also after its properties
 * changed (then the registry holds a successor entry).
 */
public final class PluginEntry implements PluginSource, Comparable<PluginEntry> {

    private final String name;
    private final int ranking;
    private final long serviceId;
    private final boolean optional;
    private final String bundle;
    private final String bundleVersion;
    private final ShellPlugin plugin;
    private volatile boolean removed;
    private volatile PluginEntry successor;

    /**
     * @param name the plugin name
     * @param ranking the service ranking
     * @param serviceId the service id (install order)
     * @param optional whether failures on fatal topics only warn
     * @param bundle the registering bundle's symbolic name
     * @param bundleVersion its version
     * @param plugin the service
     */
    public PluginEntry(String name, int ranking, long serviceId, boolean optional, String bundle, String bundleVersion,
            ShellPlugin plugin) {
        this.name = Objects.requireNonNull(name);
        this.ranking = ranking;
        this.serviceId = serviceId;
        this.optional = optional;
        this.bundle = bundle;
        this.bundleVersion = bundleVersion;
        this.plugin = Objects.requireNonNull(plugin);
    }

    /** @return the plugin name */
    public String name() {
        return name;
    }

    /** @return the service ranking */
    public int ranking() {
        return ranking;
    }

    /** @return the service id */
    public long serviceId() {
        return serviceId;
    }

    /** @return whether failures on fatal topics only warn */
    public boolean optional() {
        return optional;
    }

    /** @return the registering bundle's symbolic name */
    public String bundle() {
        return bundle;
    }

    /** @return the registering bundle's version */
    public String bundleVersion() {
        return bundleVersion;
    }

    /** @return the service */
    public ShellPlugin plugin() {
        return plugin;
    }

    /** Marks the service as gone: jobs drop its remaining callbacks. */
    public void markRemoved() {
        removed = true;
    }

    /**
     * Links this entry to the one that replaced it when the service's properties changed: jobs that
     * attached this entry see the service go away when that one (or its own successor) does.
     *
     * @param next the entry for the same service with the new properties
     */
    void supersededBy(PluginEntry next) {
        successor = next;
    }

    @Override
    public boolean removed() {
        for (PluginEntry e = this; e != null; e = e.successor) {
            if (e.removed) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "bundle " + bundle + " " + bundleVersion;
    }

    /** Load order: ascending ranking, then install order (service id). */
    @Override
    public int compareTo(PluginEntry o) {
        int c = Integer.compare(ranking, o.ranking);
        return c != 0 ? c : Long.compare(serviceId, o.serviceId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginEntry && ((PluginEntry) o).serviceId == serviceId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(serviceId);
    }

    @Override
    public String toString() {
        return "plugin '" + name + "' (ranking " + ranking + ", " + describe() + ")";
    }
}
