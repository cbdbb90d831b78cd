package org.jobshell.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.jobshell.launch.Command;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The OSGi container: Felix with a private {@link BundleCache}.
 *
 * <ul>
 *   <li>One-shot ({@link #start}): every jar of {@code system/} then of {@code plugins/} installed by
 *       reference (nothing copied) and started in name order. A plugin jar that cannot be installed
 *       or started is reported on one line and skipped.</li>
 *   <li>Long-lived ({@link #startDaemon}): {@code system/} and {@code system/daemon/} (FileInstall,
 *       Gogo, the console and the daemon); the plugin directory is FileInstall's, which starts last
 *       (start level 2), once the daemon's deployer is there to take its jars.</li>
 * </ul>
 */
final class Container implements AutoCloseable {

    private static final String EE = "osgi.ee";

    private final Framework framework;
    private final BundleCache cache;
    private boolean closed;

    private Container(Framework framework, BundleCache cache) {
        this.framework = framework;
        this.cache = cache;
    }

    static Container start(Path home, PrintStream errors) throws LauncherException {
        return start(home, errors, false);
    }

    /**
     * @param home the installation
     * @param errors where warnings go (the daemon log)
     * @return the long-lived container, started
     */
    static Container startDaemon(Path home, PrintStream errors) throws LauncherException {
        return start(home, errors, true);
    }

    private static Container start(Path home, PrintStream errors, boolean daemon) throws LauncherException {
        BundleCache cache = BundleCache.create(cacheRoots(), hostname());
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, cache.dir().toString());
        // no FRAMEWORK_STORAGE_CLEAN: the cache is new, and cleaning would recreate it without its 0700
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.jobshell.launch;version=\"1.1.0\"");
        props.put("felix.cache.locking", "false");
        props.put("felix.service.urlhandlers", "false");
        props.put("felix.log.level", "1");
        props.put("ds.loglevel", "error");
        // EventAdmin warns on stderr when the framework stops with events in flight: not for users
        props.put("org.apache.felix.eventadmin.LogLevel", "1");
        props.put("jobshell.home", home.toString());
        props.put("jobshell.var.dir", home.resolve("var").toString());
        props.putAll(SiteSettings.read(home, errors));
        if (daemon) {
            DaemonProperties.add(props, Layout.of(home, props), cache.dir());
        }
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        Container container = new Container(framework, cache);
        try {
            framework.init();
            List<Bundle> bundles = new ArrayList<>();
            bundles.addAll(container.install(home.resolve("system"), errors, true));
            if (daemon) {
                bundles.addAll(container.install(home.resolve("system/daemon"), errors, true));
                DaemonProperties.startLast(bundles);
            } else {
                bundles.addAll(container.install(home.resolve("plugins"), errors, false));
            }
            framework.start();
            for (Bundle b : bundles) {
                container.startBundle(b, errors);
            }
        } catch (BundleException e) {
            container.close();
            throw new LauncherException("cannot start the container: " + e.getMessage());
        }
        return container;
    }

    /**
     * @return where the bundle cache may live: {@code jobshell.cache.dir} (bin/jobshell's cache, in
     *     var/cache or the user's own), else a directory of the user's in the temp directory
     */
    private static List<Path> cacheRoots() {
        List<Path> roots = new ArrayList<>();
        String dir = System.getProperty("jobshell.cache.dir");
        if (dir != null && !dir.isEmpty()) {
            roots.add(Path.of(dir));
        }
        roots.add(Path.of(System.getProperty("java.io.tmpdir"), "jobshell-" + System.getProperty("user.name")));
        return roots;
    }

    /** @return this host's name, without DNS */
    private static String hostname() {
        try {
            // readAllLines, not readString: reading sysctl files, readString can stop after one byte
            return Files.readAllLines(Path.of("/proc/sys/kernel/hostname")).get(0).trim();
        } catch (IOException | IndexOutOfBoundsException e) {
            return "localhost";
        }
    }

    private List<Bundle> install(Path dir, PrintStream errors, boolean required) throws LauncherException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars(dir, required)) {
            String problem;
            String detail;
            try {
                Bundle b = framework.getBundleContext().installBundle("reference:" + jar.toUri());
                if (b.getHeaders().get(Constants.BUNDLE_SYMBOLICNAME) != null) {
                    bundles.add(b);
                    continue;
                }
                // Felix takes any jar as an R3 bundle: without a symbolic name it is not an OSGi bundle
                b.uninstall();
                problem = "not an OSGi bundle";
                detail = " (its manifest has no Bundle-SymbolicName)";
            } catch (BundleException | RuntimeException e) {
                problem = "not a usable bundle";
                detail = ": " + e.getMessage();
            }
            if (required) {
                throw new LauncherException(jar + ": cannot install: " + problem + detail);
            }
            errors.println("jobshell: warning: " + jar + ": " + problem + ", skipped" + detail);
        }
        return bundles;
    }

    private static List<Path> jars(Path dir, boolean required) throws LauncherException {
        if (!Files.isDirectory(dir)) {
            if (required) {
                throw new LauncherException(dir + " is missing: is jobshell installed completely?");
            }
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
            files.forEach(jars::add);
        } catch (IOException e) {
            throw new LauncherException("cannot list " + dir + ": " + e.getMessage());
        }
        jars.sort(Comparator.comparing(Path::toString));
        return jars;
    }

    private void startBundle(Bundle b, PrintStream errors) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null || needsNewerJava(b)) {
            return; // a bundle for a newer Java (the posix launcher: 22+) is simply not used here
        }
        try {
            b.start();
        } catch (BundleException | RuntimeException e) {
            errors.println("jobshell: warning: bundle " + b.getSymbolicName() + " (" + b.getLocation()
                    + ") did not start: " + e.getMessage());
        }
    }

    /** @return whether the bundle requires an execution environment (osgi.ee) this JVM does not provide */
    private boolean needsNewerJava(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        List<Capability> provided = framework.adapt(BundleRevision.class).getCapabilities(EE);
        for (Requirement r : revision.getRequirements(EE)) {
            String filter = r.getDirectives().get(Constants.FILTER_DIRECTIVE);
            try {
                Filter f = FrameworkUtil.createFilter(filter == null ? "(" + EE + "=*)" : filter);
                if (provided.stream().noneMatch(c -> f.matches(c.getAttributes()))) {
                    return true;
                }
            } catch (InvalidSyntaxException e) {
                return false; // let start() report it
            }
        }
        return false;
    }

    /**
     * @param waitMillis how long to wait for the CLI bundle's service
     * @return the command service
     */
    Command command(long waitMillis) throws LauncherException {
        ServiceTracker<Command, Command> tracker = new ServiceTracker<>(framework.getBundleContext(), Command.class,
                null);
        tracker.open();
        try {
            Command c = tracker.waitForService(waitMillis);
            if (c == null) {
                throw new LauncherException("the command line bundle did not start within " + waitMillis / 1000
                        + " s: see the warnings above");
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while starting");
        }
    }

    /**
     * Stops one bundle now, before the framework stops the others: the daemon's, whose stop lets
     * running jobs end while their plugins are all still there.
     *
     * @param symbolicName the bundle
     */
    void stopFirst(String symbolicName) {
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                try {
                    b.stop(Bundle.STOP_TRANSIENT);
                } catch (BundleException | IllegalStateException e) {
                    // the framework stops it anyway
                }
            }
        }
    }

    /** Stops the framework and removes the bundle cache; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            framework.stop();
            framework.waitForStop(60_000); // a stopping daemon lets its jobs end first
        } catch (BundleException e) {
            // stopping anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            cache.delete();
        }
    }
}
