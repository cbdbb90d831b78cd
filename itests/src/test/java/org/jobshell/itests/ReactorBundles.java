package org.jobshell.itests;

import java.io.File;

/**
 * The jars this build just packaged, by the keys failsafe passes as {@code bundle.<key>} system
 * properties (paths resolved in the reactor, so {@code mvn verify} never tests a stale SNAPSHOT
 * from the local repository).
 */
public final class ReactorBundles {

    /** The plugin API. */
    public static final String API = "api";
    /** The core. */
    public static final String CORE = "core";
    /** The builtin output plugin. */
    public static final String OUTPUT = "output";
    /** The builtin cpu-affinity plugin. */
    public static final String CPU_AFFINITY = "cpu-affinity";
    /** The builtin tmpdir plugin (not provisioned: tests install it). */
    public static final String TMPDIR = "tmpdir";
    /** The builtin task-exit plugin (not provisioned: tests install it). */
    public static final String TASK_EXIT = "task-exit";
    /** The builtin evlog plugin (not provisioned: tests install it). */
    public static final String EVLOG = "evlog";
    /** The builtin kill_event_handler plugin (not provisioned: tests install it). */
    public static final String KILL_EVENT_HANDLER = "kill-event-handler";
    /** The builtin tasks-complete plugin (not provisioned: tests install it). */
    public static final String TASKS_COMPLETE = "tasks-complete";
    /** The example site plugin that replaces cpu-affinity. */
    public static final String SITE_CPU_AFFINITY = "site-cpu-affinity";
    /** The test fixture with plugins faulty and faulty-optional. */
    public static final String FAULTY = "faulty";
    /** The test fixture using the core's SPI: a plugin source, a launcher, the conf-echo plugin. */
    public static final String SEAMS = "seams";
    /** The test fixture with plugin early, ranked 100 but after plugin late. */
    public static final String ORDERED = "ordered";
    /** The Lua bundle: the initrc and Lua plugins. */
    public static final String LUA = "lua";
    /** The test plugin bundle that rc files load with plugin.load (plugin 'dummy'). */
    public static final String LOADABLE = "loadable";

    private ReactorBundles() {
    }

    /**
     * @param key one of the constants
     * @return a {@code file:} URL of the jar
     */
    public static String url(String key) {
        File jar = new File(required("bundle." + key));
        if (!jar.isFile()) {
            throw new IllegalStateException("bundle." + key + " is " + jar + ", which is not a file: run 'mvn verify'");
        }
        return jar.toURI().toString();
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests with failsafe");
        }
        return value;
    }
}
