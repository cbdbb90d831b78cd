package org.jobshell.daemon;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.jobshell.api.admin.DeployFailure;
import org.jobshell.api.admin.DeployReport;
import org.jobshell.core.spi.PluginRetirement;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Deploys the jars of the plugin directory, as FileInstall reports them (a file is reported once
 * its size and time stayed the same over two scans, so a file still being copied is not taken).
 *
 * <ul>
 *   <li>A new jar is checked ({@link JarCheck}), installed from a copy (the file may go at any
 *       time) and started; if it fails to install, resolve or start, or a component of it fails to
 *       activate, it is uninstalled again and reported once, by file name, in the daemon log and in
 *       {@link #failures()}. Nothing else changes. It is tried again when the file changes.</li>
 *   <li>A changed jar is deployed as a new bundle, and the old one is retired; a deleted jar's
 *       bundle is retired. Retiring ({@link PluginRetirement}) takes the bundle's plugins out of
 *       new jobs at once; the bundle is uninstalled when no running job holds them, so a job
 *       always ends with the plugins it started with.</li>
 * </ul>
 *
 * <p>FileInstall calls this from its watcher thread, one file at a time; uninstalling retired
 * bundles happens on a thread of this component.
 */
@Component(service = {ArtifactInstaller.class, DeployReport.class})
public final class PluginDeployer implements ArtifactInstaller, DeployReport {

    private final BundleContext context;
    private final PluginRetirement retirement;
    private final DeployLog log;
    private final Path dir;
    private final Map<File, Deployed> deployed = new HashMap<>();
    private final ExecutorService uninstaller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jobshell-undeploy");
        t.setDaemon(true);
        return t;
    });
    private long generation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    /**
     * @param context this bundle's context; {@code jobshell.plugins.dir} names the plugin directory
     * @param retirement the core's
     * @param log where deployments are reported
     */
    @Activate
    public PluginDeployer(BundleContext context, @Reference PluginRetirement retirement, @Reference DeployLog log) {
        this.context = context;
        this.retirement = retirement;
        this.log = log;
        String plugins = context.getProperty(DaemonSettings.PLUGINS_DIR);
        this.dir = plugins == null ? null : Path.of(plugins).toAbsolutePath().normalize();
    }

    @Deactivate
    void deactivate() {
        uninstaller.shutdownNow();
    }

    @Override
    public boolean canHandle(File file) {
        return dir != null && file.getName().endsWith(".jar")
                && dir.equals(file.toPath().toAbsolutePath().normalize().getParent());
    }

    @Override
    public void install(File file) throws InterruptedException {
        update(file); // a file we still have a deployment of (FileInstall may report a replaced file as new)
    }

    @Override
    public void update(File file) throws InterruptedException {
        Deployed d = deploy(file);
        Deployed old;
        synchronized (deployed) {
            old = deployed.put(file, d);
        }
        retire(old);
    }

    @Override
    public void uninstall(File file) {
        Deployed old;
        synchronized (deployed) {
            old = deployed.remove(file);
        }
        retire(old);
        if (old != null && old.bundle() != null) {
            log.removed(file, old.bundle());
        }
    }

    @Override
    public List<DeployFailure> failures() {
        List<DeployFailure> failures = new ArrayList<>();
        synchronized (deployed) {
            for (Deployed d : deployed.values()) {
                if (d.failure() != null) {
                    failures.add(d.failure());
                }
            }
        }
        failures.sort(Comparator.comparing(DeployFailure::file));
        return failures;
    }

    private Deployed deploy(File file) throws InterruptedException {
        String problem = JarCheck.problem(file);
        if (problem != null) {
            return failed(file, null, problem);
        }
        Bundle b;
        try (InputStream in = new FileInputStream(file)) {
            b = context.installBundle(file.toURI() + "#" + nextGeneration(), in);
        } catch (Exception e) {
            return failed(file, null, "cannot install: " + JarCheck.gist(e.getMessage()));
        }
        String name = b.getSymbolicName() + " " + b.getVersion();
        try {
            b.start();
        } catch (BundleException | RuntimeException e) {
            discard(b);
            return failed(file, name, JarCheck.gist(e.getMessage()));
        }
        String broken = ComponentHealth.failure(scr, b);
        if (broken != null) {
            discard(b);
            return failed(file, name, broken);
        }
        log.deployed(file, b);
        return Deployed.ok(file, b);
    }

    private synchronized long nextGeneration() {
        return ++generation;
    }

    private Deployed failed(File file, String bundle, String reason) {
        Deployed d = Deployed.failed(file, bundle, reason);
        log.failed(file, d.failure());
        return d;
    }

    /** Retires a replaced or removed deployment's bundle, and uninstalls it once no job holds it. */
    private void retire(Deployed old) {
        if (old == null || old.bundle() == null) {
            return;
        }
        Bundle b = old.bundle();
        CompletionStage<Void> free = retirement.retire(b);
        log.retired(b);
        free.thenRunAsync(() -> discard(b), uninstaller);
    }

    private void discard(Bundle b) {
        try {
            b.uninstall();
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b));
        } catch (BundleException | IllegalStateException e) {
            // already gone
        }
    }
}
