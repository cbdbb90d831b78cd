package org.jobshell.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * The framework properties of the long-lived container: FileInstall on the plugin directory
 * (bundles; its poll interval is {@code jobshell.deploy.poll.ms}, FileInstall's own checks for a
 * file still being copied stay on), the directories the daemon bundle uses, and what lets two
 * versions of one bundle be installed side by side.
 */
final class DaemonProperties {

    static final String POLL = "jobshell.deploy.poll.ms";
    static final String DEFAULT_POLL = "250";
    private static final String FILEINSTALL = "org.apache.felix.fileinstall";

    private DaemonProperties() {
    }

    static void add(Map<String, String> props, Layout layout, Path cache) {
        props.put(Layout.PLUGINS_DIR, layout.plugins().toString());
        props.put(Layout.CONFIG_DIR, layout.config().toString());
        props.put(Layout.RUN_DIR, layout.run().toString());
        props.putIfAbsent(POLL, DEFAULT_POLL);
        props.put("felix.fileinstall.dir", layout.plugins().toString());
        props.put("felix.fileinstall.filter", ".*\\.jar");
        props.put("felix.fileinstall.poll", props.get(POLL));
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.log.level", "2");
        props.put("felix.fileinstall.tmpdir", cache.resolve("fileinstall").toString());
        // etc/*.cfg files are the truth: FileInstall's write-back of each configuration into its file
        // (a framework property, for every watcher) rewrote them all at start-up and, racing with its
        // own reading, now and then emptied one (a plugin came up unconfigured; 2 of 6 starts here)
        props.put("felix.fileinstall.enableConfigSave", "false");
        // a replaced plugin bundle stays installed, beside its successor, until its jobs end
        props.put("org.osgi.framework.bsnversion", "multiple");
        props.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "2");
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, props.get(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA)
                + ",jdk.net");
    }

    /**
     * FileInstall starts after every other bundle (the deployer must be there to take the plugin
     * directory's jars): last in the start order, at start level 2.
     *
     * @param bundles the bundles in start order, reordered here
     */
    static void startLast(List<Bundle> bundles) {
        for (Bundle b : List.copyOf(bundles)) {
            if (FILEINSTALL.equals(b.getSymbolicName())) {
                b.adapt(BundleStartLevel.class).setStartLevel(2);
                bundles.remove(b);
                bundles.add(b);
            }
        }
    }
}
