package org.jobshell.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an installation keeps things, from its site settings: the var directory (jobs), the
 * plugin and configuration directories the daemon watches, and the daemon's run directory
 * (socket, pid file).
 *
 * @param home the installation
 * @param var {@code jobshell.var.dir}, default {@code <home>/var}
 * @param plugins {@code jobshell.plugins.dir}, default {@code <home>/plugins}
 * @param config {@code jobshell.config.dir}, default {@code <home>/etc}
 * @param run {@code jobshell.run.dir}, default {@code <var>/run}
 */
record Layout(Path home, Path var, Path plugins, Path config, Path run) {

    static final String PLUGINS_DIR = "jobshell.plugins.dir";
    static final String CONFIG_DIR = "jobshell.config.dir";
    static final String RUN_DIR = "jobshell.run.dir";

    /**
     * @param home the installation
     * @param site its settings (relative paths are relative to the installation)
     * @return the layout
     */
    static Layout of(Path home, Map<String, String> site) {
        Path var = dir(home, site.get(SiteSettings.VAR_DIR), "var");
        String run = site.get(RUN_DIR);
        return new Layout(home, var, dir(home, site.get(PLUGINS_DIR), "plugins"), dir(home, site.get(CONFIG_DIR), "etc"),
                run == null || run.isEmpty() ? var.resolve("run") : home.resolve(run).normalize());
    }

    private static Path dir(Path home, String setting, String dflt) {
        return home.resolve(setting == null || setting.isEmpty() ? dflt : setting).normalize();
    }

    /** @return the daemon's socket */
    Path socket() {
        return run.resolve("jobshell.sock");
    }

    /** @return the daemon's pid file */
    Path pidFile() {
        return run.resolve("jobshell.pid");
    }

    /** @return the log of a detached daemon */
    Path log() {
        return var.resolve("log/daemon.log");
    }
}
