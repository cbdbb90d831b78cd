package org.jobshell.core.stack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jobshell.api.ShellPlugin;
import org.jobshell.core.spi.PluginOrigin;

/**
 * One registered plugin service: what sorting, replacement and listings need, taken from its service
 * properties. Becomes {@link #removed()} when the service goes away, also after its properties
 * changed (then the registry holds a successor entry).
 */
public final class PluginEntry implements PluginOrigin, Ranked {

    private final String name;
    private final int ranking;
    private final long serviceId;
    private final boolean optional;
    private final String bundle;
    private final String bundleVersion;
    private final ShellPlugin plugin;
    private final ObjectNode conf;
    private final Constraints constraints;
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
     * @param conf its configuration (see {@link #conf()}), or null for none
     */
    public PluginEntry(String name, int ranking, long serviceId, boolean optional, String bundle, String bundleVersion,
            ShellPlugin plugin, ObjectNode conf) {
        this(name, ranking, serviceId, optional, bundle, bundleVersion, plugin, conf, Constraints.NONE);
    }

    /**
     * @param name the plugin name
     * @param ranking the service ranking
     * @param serviceId the service id (install order)
     * @param optional whether failures on fatal topics only warn
     * @param bundle the registering bundle's symbolic name
     * @param bundleVersion its version
     * @param plugin the service
     * @param conf its configuration (see {@link #conf()}), or null for none
     * @param constraints the plugins it must come after or before
     */
    public PluginEntry(String name, int ranking, long serviceId, boolean optional, String bundle, String bundleVersion,
            ShellPlugin plugin, ObjectNode conf, Constraints constraints) {
        this.constraints = Objects.requireNonNull(constraints);
        this.name = Objects.requireNonNull(name);
        this.ranking = ranking;
        this.serviceId = serviceId;
        this.optional = optional;
        this.bundle = bundle;
        this.bundleVersion = bundleVersion;
        this.plugin = Objects.requireNonNull(plugin);
        this.conf = conf == null ? JsonNodeFactory.instance.objectNode() : conf;
    }

    /**
     * @return a copy of the plugin's configuration for one job: its service properties other than the
     *     framework's and jobshell's own (its component properties and its ConfigAdmin configuration,
     *     which DS merges into them)
     */
    public ObjectNode conf() {
        return conf.deepCopy();
    }

    /** @return the plugins it must come after or before ({@value ShellPlugin#AFTER}, {@value ShellPlugin#BEFORE}) */
    public Constraints constraints() {
        return constraints;
    }

    /**
     * The ordering constraints of one plugin.
     *
     * @param after the names it comes after
     * @param before the names it comes before
     */
    public record Constraints(List<String> after, List<String> before) {

        /** No constraints. */
        public static final Constraints NONE = new Constraints(List.of(), List.of());

        /** Copies the lists. */
        public Constraints {
            after = List.copyOf(after);
            before = List.copyOf(before);
        }

        /**
         * @param after a service property value: {@code NAME,...}, a String[] or a collection, or null
         * @param before the same
         * @return the constraints
         */
        public static Constraints of(Object after, Object before) {
            return new Constraints(names(after), names(before));
        }

        private static List<String> names(Object value) {
            List<String> names = new ArrayList<>();
            Iterable<?> items = value instanceof String[] ? List.of((Object[]) value)
                    : value instanceof Iterable ? (Iterable<?>) value : value == null ? List.of() : List.of(value);
            for (Object item : items) {
                for (String n : String.valueOf(item).split(",")) {
                    if (!n.isBlank()) {
                        names.add(n.trim());
                    }
                }
            }
            return names;
        }
    }

    /** @return the plugin name */
    public String name() {
        return name;
    }

    @Override
    public int ranking() {
        return ranking;
    }

    @Override
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
