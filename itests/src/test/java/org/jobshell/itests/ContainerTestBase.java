package org.jobshell.itests;

import javax.inject.Inject;
import org.jobshell.api.admin.JobService;
import org.jobshell.api.admin.PluginInventory;
import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * What every integration test shares: the common container ({@link Provisioning#container()}), the
 * services it injects, a {@link JobRunner}, and the bundles a test installs, which are uninstalled
 * after each test so that tests sharing a container stay apart.
 *
 * <p>Pax Exam finds the inherited {@link Configuration} method and injects the inherited fields, but
 * it reads {@code @ExamReactorStrategy} from the test class itself (that annotation is not
 * inherited), so each subclass keeps {@code @RunWith(PaxExam.class)} and
 * {@code @ExamReactorStrategy(PerClass.class)}. JUnit runs {@link #createHelpers()} before a
 * subclass's {@code @Before} methods and {@link #uninstallBundles()} after its {@code @After}
 * methods. The name matches neither failsafe's nor surefire's includes: it is not a test by itself.
 */
public abstract class ContainerTestBase {

    /** The probe bundle's context. */
    @Inject
    protected BundleContext context;

    /** The container's job service, as an embedder uses it. */
    @Inject
    protected JobService jobService;

    /** The container's plugin inventory, as an admin lists it. */
    @Inject
    protected PluginInventory inventory;

    /** Bundles this test installs; whatever is left is uninstalled after the test. */
    protected InstalledBundles bundles;

    /** Runs jobs through {@link #jobService}. */
    protected JobRunner jobs;

    /** @return the common container */
    @Configuration
    public Option[] config() {
        return Provisioning.container();
    }

    /** Creates the job runner and an empty set of installed bundles. */
    @Before
    public void createHelpers() {
        jobs = new JobRunner(jobService);
        bundles = new InstalledBundles(context);
    }

    /** Leaves the container as it was: uninstalls what the test installed and has not removed. */
    @After
    public void uninstallBundles() throws Exception {
        bundles.uninstallAll();
    }

    /**
     * Deploys a jar of this build, as an admin does, and waits until jobs get one of its plugins.
     *
     * @param key a {@link ReactorBundles} key
     * @param plugin the name of a plugin the bundle registers
     * @param symbolicName the bundle's symbolic name, a {@link Plugins} constant
     * @return the started bundle, which is uninstalled after the test unless the test removes it
     * @throws BundleException when it does not install or start
     */
    protected Bundle deploy(String key, String plugin, String symbolicName) throws BundleException {
        Bundle bundle = bundles.start(key);
        new Plugins(inventory).awaitActive(plugin, symbolicName);
        return bundle;
    }
}
