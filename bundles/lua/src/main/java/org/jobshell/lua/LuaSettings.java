package org.jobshell.lua;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the rc files and plugins are: the system initrc ({@code jobshell.initrc}, default
 * {@code <home>/etc/initrc.lua}) and the plugin search path ({@code jobshell.pluginpath}, default
 * {@code <home>/lib/shell-plugins}). Each comes from the configuration of PID {@value #PID} (key
 * {@code initrc}, {@code pluginpath}), else from the framework property of that name (which the
 * launcher reads from etc/jobshell.properties); a relative path is taken from the installation.
 *
 * @param initrc the system initrc, or null when there is none (no installation)
 * @param searchPath the plugin search path, colon-separated, or null
 */
record LuaSettings(Path initrc, String searchPath) {

    /** The configuration PID of the Lua bundle. */
    static final String PID = "org.jobshell.lua";

    /** The framework's properties, as a bundle context reads them. */
    interface Properties {
        /**
         * @param name a framework property
         * @return its value, or null
         */
        String get(String name);
    }

    /**
     * @param config the bundle's configuration (may be empty)
     * @param framework the framework properties
     * @return the settings
     */
    static LuaSettings of(Map<String, ?> config, Properties framework) {
        String home = framework.get("jobshell.home");
        Path base = home == null ? null : Path.of(home);
        String initrc = value(config, "initrc", framework);
        String path = value(config, "pluginpath", framework);
        Path rc = initrc != null ? resolve(base, initrc) : base == null ? null : base.resolve("etc/initrc.lua");
        String search = path != null ? path : base == null ? null : base.resolve("lib/shell-plugins").toString();
        return new LuaSettings(rc, search);
    }

    private static String value(Map<String, ?> config, String key, Properties framework) {
        Object v = config.get(key);
        if (v == null) {
            v = framework.get("jobshell." + key);
        }
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static Path resolve(Path base, String p) {
        Path path = Path.of(p);
        return base == null || path.isAbsolute() ? path : base.resolve(path).normalize();
    }
}
