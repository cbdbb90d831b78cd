package org.jobshell.core.stack;

import org.jobshell.api.Shell;

/**
 * The shell a plugin is attached to, as the stack sees it: it makes the plugin's view of the shell
 * and hears about everything that goes wrong with the plugin outside a topic call's own result.
 * Methods may be called from any thread (the watchdog's, the I/O thread).
 */
public interface PluginOwner {

    /**
     * @param plugin a plugin being attached
     * @return the shell as that plugin sees it
     */
    Shell viewFor(AttachedPlugin plugin);

    /**
     * The plugin's origin went away during the job: its callbacks are dropped from now on. Called once
     * per plugin.
     *
     * @param plugin the plugin
     * @param what the first callback dropped
     */
    void dropped(AttachedPlugin plugin, String what);

    /**
     * A callback has run longer than the watchdog's warn limit.
     *
     * @param plugin the plugin
     * @param what what it was called for
     * @param elapsedMillis how long it has run
     */
    void slow(AttachedPlugin plugin, String what, long elapsedMillis);

    /**
     * A callback outside a topic call (an output listener, an action, a service method) failed or
     * overran; the plugin is deny-listed if it overran.
     *
     * @param failure what happened
     */
    void failed(Failure failure);

    /**
     * A callback overran, was interrupted and still has not returned: its thread is lost to the job.
     *
     * @param plugin the plugin
     * @param what what it was called for
     * @param elapsedMillis how long it has run
     * @param thread the thread it holds
     */
    void abandoned(AttachedPlugin plugin, String what, long elapsedMillis, Thread thread);
}
