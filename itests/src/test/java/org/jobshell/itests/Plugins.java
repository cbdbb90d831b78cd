package org.jobshell.itests;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jobshell.api.admin.PluginInfo;
import org.jobshell.api.admin.PluginInventory;

/** Reads the plugin inventory (what the next job gets), as an admin listing plugins does. */
public final class Plugins {

    /** Symbolic name of the builtin cpu-affinity bundle. */
    public static final String BUILTIN_CPU_AFFINITY = "org.jobshell.plugin.cpuaffinity";
    /** Symbolic name of the example site plugin bundle. */
    public static final String SITE_CPU_AFFINITY = "org.jobshell.example.sitecpuaffinity";
    /** Symbolic name of the faulty fixture bundle. */
    public static final String FAULTY = "org.jobshell.fixture.faulty";
    /** The fixture using the core SPI. */
    public static final String SEAMS = "org.jobshell.fixture.seams";

    private final PluginInventory inventory;

    /** @param inventory the container's inventory */
    public Plugins(PluginInventory inventory) {
        this.inventory = inventory;
    }

    /**
     * @param name a plugin name
     * @param bundle the symbolic name of the bundle that registers it
     * @return that plugin, when registered
     */
    public Optional<PluginInfo> find(String name, String bundle) {
        return inventory.plugins().stream().filter(p -> p.name().equals(name) && p.bundle().equals(bundle))
                .findFirst();
    }

    /**
     * @param name a plugin name
     * @param bundle the symbolic name of the bundle that registers it
     * @return that plugin (fails the test when it is not registered)
     */
    public PluginInfo get(String name, String bundle) {
        return find(name, bundle).orElseThrow(() -> new AssertionError(
                "no plugin '" + name + "' from " + bundle + " in " + inventory.plugins()));
    }

    /**
     * @param name a plugin name
     * @return the registered plugins of that name, in load order
     */
    public List<PluginInfo> named(String name) {
        return inventory.plugins().stream().filter(p -> p.name().equals(name)).collect(Collectors.toList());
    }

    /**
     * Waits until jobs get the plugin of that name from that bundle.
     *
     * @param name a plugin name
     * @param bundle the bundle that should win
     */
    public void awaitActive(String name, String bundle) {
        Deadline.await("plugin '" + name + "' from " + bundle + " active",
                () -> find(name, bundle).map(PluginInfo::active).orElse(false));
    }

    /**
     * Waits until no plugin of that bundle is registered.
     *
     * @param bundle a bundle symbolic name
     */
    public void awaitNoneFrom(String bundle) {
        Deadline.await("no plugin from " + bundle,
                () -> inventory.plugins().stream().noneMatch(p -> p.bundle().equals(bundle)));
    }
}
