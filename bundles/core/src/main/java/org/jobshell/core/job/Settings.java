package org.jobshell.core.job;

import java.util.Map;
import org.jobshell.api.ShellException;
import org.osgi.framework.BundleContext;

/**
 * The core's settings: from its ConfigAdmin configuration, else from the framework property
 * {@code jobshell.<name>} (which the launcher reads from etc/jobshell.properties).
 */
final class Settings {

    private final BundleContext context;
    private final Map<String, Object> config;

    Settings(BundleContext context, Map<String, Object> config) {
        this.context = context;
        this.config = config;
    }

    String get(String name, String defaultValue) {
        Object v = config.get(name);
        if (v == null) {
            v = context.getProperty("jobshell." + name);
        }
        return v == null ? defaultValue : v.toString().trim();
    }

    /** @return where a setting comes from, as users name it */
    private String source(String name) {
        return config.get(name) != null ? "configuration " + JobServiceImpl.PID + ", " + name
                : "jobshell." + name + " (etc/jobshell.properties)";
    }

    int positiveInt(String name, int defaultValue) {
        String v = get(name, Integer.toString(defaultValue));
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ShellException(source(name) + ": must be a whole number > 0, got '" + v + "'");
    }

    long millis(String name, long defaultValue) {
        String v = get(name, Long.toString(defaultValue));
        try {
            long ms = Long.parseLong(v);
            if (ms >= 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ShellException(source(name) + ": must be a number of milliseconds >= 0, got '" + v + "'");
    }
}
