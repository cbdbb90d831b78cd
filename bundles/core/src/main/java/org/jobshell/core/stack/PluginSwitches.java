package org.jobshell.core.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jobshell.api.ShellException;
import org.jobshell.api.admin.PluginSwitch;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin names an admin disabled: the ConfigAdmin configuration {@value #PID}, property
 * {@value #DISABLED} ({@code NAME,...}), handed to the {@link PluginRegistry}. In the daemon,
 * {@link #disable} and {@link #enable} write that configuration's file, {@code etc/}{@value #PID}{@code .cfg},
 * which FileInstall keeps in ConfigAdmin (so it survives a restart, and an admin may edit it), and
 * apply the change at once, for the next job.
 */
@Component(service = PluginSwitch.class, configurationPid = PluginSwitches.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class PluginSwitches implements PluginSwitch {

    /** The configuration PID. */
    public static final String PID = "org.jobshell.plugins";
    /** Property: the disabled names, {@code NAME,...}. */
    public static final String DISABLED = "disabled";
    /** Framework property: the daemon's configuration directory ({@code etc/}). */
    static final String CONFIG_DIR = "jobshell.config.dir";

    private final PluginRegistry registry;
    private final Path file;
    private Set<String> disabled = Set.of();

    /**
     * @param context the framework properties
     * @param registry gets the disabled names
     * @param config the configuration
     */
    @Activate
    public PluginSwitches(BundleContext context, @Reference PluginRegistry registry, Map<String, Object> config) {
        this.registry = registry;
        String dir = context.getProperty(CONFIG_DIR);
        this.file = dir == null || dir.isEmpty() ? null : Path.of(dir, PID + ".cfg");
        modified(config);
    }

    /** @param config the configuration as changed (by FileInstall, an admin, or this component) */
    @Modified
    synchronized void modified(Map<String, Object> config) {
        disabled = names(config.get(DISABLED));
        registry.disable(disabled);
    }

    private static Set<String> names(Object value) {
        Set<String> names = new TreeSet<>(PluginEntry.Constraints.of(value, null).after());
        return Set.copyOf(names);
    }

    @Override
    public synchronized boolean disable(String name) {
        return change(name, true);
    }

    @Override
    public synchronized boolean enable(String name) {
        return change(name, false);
    }

    @Override
    public synchronized Set<String> disabled() {
        return disabled;
    }

    private boolean change(String name, boolean off) {
        if (name == null || name.isBlank() || name.contains(",")) {
            throw new ShellException("a plugin name is needed, without commas: got '" + name + "'");
        }
        Set<String> next = new TreeSet<>(disabled);
        if (off ? !next.add(name) : !next.remove(name)) {
            return false;
        }
        store(next);
        disabled = Set.copyOf(next);
        registry.disable(disabled);
        return true;
    }

    /** Writes the configuration file (atomically: FileInstall never reads half of it). */
    private void store(Set<String> names) {
        if (file == null) {
            throw new ShellException("only the daemon keeps plugin switches (this container has no configuration "
                    + "directory); set " + DISABLED + " in the configuration " + PID + " instead");
        }
        String text = "# written by jobshell:enable/jobshell:disable; the plugin names jobs and the container do not get\n"
                + DISABLED + " = " + String.join(",", names) + "\n";
        try {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ShellException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
