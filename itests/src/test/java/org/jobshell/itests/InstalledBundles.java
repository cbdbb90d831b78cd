package org.jobshell.itests;

import java.util.ArrayDeque;
import java.util.Deque;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Bundles a test installs at run time, as an admin dropping a jar into plugins/ would; whatever is
 * still installed at the end of a test is uninstalled, so tests sharing a container stay apart.
 */
public final class InstalledBundles {

    private final BundleContext context;
    private final Deque<Bundle> installed = new ArrayDeque<>();

    /** @param context the test's bundle context */
    public InstalledBundles(BundleContext context) {
        this.context = context;
    }

    /**
     * Installs and starts a jar of this build.
     *
     * @param key a {@link ReactorBundles} key
     * @return the started bundle
     * @throws BundleException when it does not install or start
     */
    public Bundle start(String key) throws BundleException {
        Bundle b = context.installBundle(ReactorBundles.url(key));
        installed.push(b);
        b.start();
        return b;
    }

    /** Uninstalls every bundle installed here that is still installed, latest first. */
    public void uninstallAll() throws BundleException {
        while (!installed.isEmpty()) {
            Bundle b = installed.pop();
            if (b.getState() != Bundle.UNINSTALLED) {
                b.uninstall();
            }
        }
    }
}
