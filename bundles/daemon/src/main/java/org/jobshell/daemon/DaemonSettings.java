package org.jobshell.daemon;

import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/**
 * The daemon's settings: framework properties the launcher sets from {@code etc/jobshell.properties}
 * (docs/OPERATIONS.md). Paths are absolute by then.
 */
final class DaemonSettings {

    /** The plugin directory FileInstall watches for bundles. */
    static final String PLUGINS_DIR = "jobshell.plugins.dir";
    /** The configuration directory FileInstall watches for {@code *.cfg}. */
    static final String CONFIG_DIR = "jobshell.config.dir";
    /** The directory of the daemon's socket. */
    static final String RUN_DIR = "jobshell.run.dir";
    /** How often FileInstall scans both directories, in ms. */
    static final String POLL = "jobshell.deploy.poll.ms";
    /** How many bytes of output a client may have waiting before it is dropped. */
    static final String CLIENT_BUFFER = "jobshell.client.buffer.bytes";

    /** On SIGTERM, how long running jobs may take to end before they are killed, in ms. */
    static final String STOP_GRACE = "jobshell.daemon.stop.grace.ms";

    static final long DEFAULT_POLL_MS = 250;
    static final long DEFAULT_STOP_GRACE_MS = 10_000;
    static final int DEFAULT_CLIENT_BUFFER = 4 << 20;

    private DaemonSettings() {
    }

    static Path path(BundleContext context, String key, String dflt) {
        String v = context.getProperty(key);
        return Path.of(v == null || v.isEmpty() ? dflt : v).toAbsolutePath();
    }

    static long number(BundleContext context, String key, long dflt) {
        String v = context.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad setting " + key + "=" + v + ": not a number");
        }
    }
}
