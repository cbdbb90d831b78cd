package org.jobshell.lua;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jobshell.api.ShellPlugin;
import org.jobshell.core.spi.PluginOrigin;
import org.jobshell.core.spi.ServiceConf;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * {@code plugin.load} of a plugin bundle jar: installs it if needed (again when the file is newer
 * than the installed bundle), starts it, and pushes each of its {@link ShellPlugin} services at this
 * point of the order, in the bundle's own ranking order. A plugin's conf is its service properties
 * (its component properties and ConfigAdmin configuration, as for plugins in {@code plugins/}),
 * overlaid with {@code conf=}. The core never sees these services ({@link OnDemandBundles}).
 */
final class BundlePlugins {

    private static final long REGISTER_WAIT_MILLIS = 2_000;

    private final BundleContext context;

    BundlePlugins(BundleContext context) {
        this.context = context;
    }

    /**
     * @param runner the shell's Lua state
     * @param display the jar as users name it
     * @param jar the jar
     * @param conf {@code conf=}, or null
     */
    void load(RcRunner runner, String display, Path jar, ObjectNode conf) {
        if (context == null) {
            throw Lua.error("plugin.load: " + display + ": plugin bundles can only be loaded in a container");
        }
        Bundle bundle = started(display, jar);
        List<ServiceReference<?>> plugins = plugins(bundle);
        if (plugins.isEmpty()) {
            throw Lua.error("plugin.load: " + display + ": bundle " + bundle.getSymbolicName()
                    + " registers no " + ShellPlugin.class.getSimpleName() + " service");
        }
        for (ServiceReference<?> ref : plugins) {
            Object name = ref.getProperty(ShellPlugin.NAME);
            if (!(name instanceof String) || ((String) name).isBlank()) {
                throw Lua.error("plugin.load: " + display + ": a plugin service of bundle " + bundle.getSymbolicName()
                        + " has no " + ShellPlugin.NAME + " property");
            }
            ShellPlugin plugin = (ShellPlugin) context.getService(ref);
            if (plugin == null) {
                throw Lua.error("plugin.load: " + display + ": plugin '" + name + "' went away while it was loaded");
            }
            runner.stack().push((String) name, plugin, origin(ref, bundle, display),
                    Boolean.parseBoolean(String.valueOf(ref.getProperty(ShellPlugin.OPTIONAL))), conf(ref, conf));
        }
    }

    private Bundle started(String display, Path jar) {
        String location = OnDemandBundles.LOCATION_PREFIX + jar.toAbsolutePath().normalize();
        try {
            Bundle b = context.getBundle(location);
            if (b == null) {
                try (InputStream in = Files.newInputStream(jar)) {
                    b = context.installBundle(location, in);
                }
            } else if (Files.getLastModifiedTime(jar).toMillis() > b.getLastModified()) {
                try (InputStream in = Files.newInputStream(jar)) {
                    b.update(in);
                }
            }
            if (b.getState() != Bundle.ACTIVE) {
                b.start(Bundle.START_TRANSIENT);
            }
            return b;
        } catch (IOException e) {
            throw Lua.error("plugin.load: " + display + ": cannot be read: " + e.getMessage());
        } catch (BundleException | IllegalStateException e) {
            throw Lua.error("plugin.load: " + display + ": not a usable plugin bundle: " + e.getMessage());
        }
    }

    /** DS registers a bundle's services as it starts; allow a moment for one that does it later. */
    private static List<ServiceReference<?>> plugins(Bundle bundle) {
        long deadline = System.currentTimeMillis() + REGISTER_WAIT_MILLIS;
        while (true) {
            List<ServiceReference<?>> found = new ArrayList<>();
            ServiceReference<?>[] refs = bundle.getRegisteredServices();
            for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                if (OnDemandBundles.hidden(r)) {
                    found.add(r);
                }
            }
            if (!found.isEmpty() || System.currentTimeMillis() > deadline) {
                found.sort(Comparator.comparingInt(BundlePlugins::ranking)
                        .thenComparingLong(r -> (Long) r.getProperty(Constants.SERVICE_ID)));
                return found;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    private static int ranking(ServiceReference<?> ref) {
        Object r = ref.getProperty(Constants.SERVICE_RANKING);
        return r instanceof Integer ? (Integer) r : 0;
    }

    private static PluginOrigin origin(ServiceReference<?> ref, Bundle bundle, String display) {
        String describe = "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + display + ")";
        return new LuaOrigin(describe, () -> ref.getBundle() == null);
    }

    private static ObjectNode conf(ServiceReference<?> ref, ObjectNode given) {
        ObjectNode conf = ServiceConf.of(ref);
        if (given != null) {
            conf.setAll(given);
        }
        return conf;
    }
}
