package org.jobshell.core.stack;

import org.jobshell.api.Args;
import org.jobshell.api.Handler;

/**
 * Every call into plugin code goes through here, as Felix EventAdmin guards its handlers: a plugin
 * that is deny-listed or whose origin went away is not called, the call is timed by the
 * {@link Watchdog} (which deny-lists and interrupts a call past its fail limit), and whatever it throws
 * becomes a {@link Failure} naming the plugin. Only {@link Fatal} (the job is over) passes through.
 *
 * <p>Topic calls take their failures back to the topic's error rule; callbacks off the dispatch
 * path (output listeners, {@code execute} actions, service methods) report theirs to the plugin's
 * {@link PluginOwner}.
 */
public final class PluginCalls {

    /** Plugin code run off the dispatch path. */
    @FunctionalInterface
    public interface Action {
        /** @throws Exception on failure */
        void run() throws Exception;
    }

    private final Watchdog watchdog;

    /** @param watchdog times every call */
    public PluginCalls(Watchdog watchdog) {
        this.watchdog = watchdog;
    }

    /** @return the calling thread's call site */
    CallSite site() {
        return watchdog.site();
    }

    /**
     * Calls one handler on the dispatch path; allocates nothing unless it fails.
     *
     * @param site the calling thread's site
     * @return null when it succeeded or was not called, else the failure
     * @throws Fatal when the handler ended the job
     */
    Failure call(CallSite site, AttachedPlugin plugin, String topic, Handler handler, Args args) {
        if (!plugin.callable(topic)) {
            return null;
        }
        AttachedPlugin outerPlugin = site.plugin();
        String outerWhat = site.what();
        long token = site.enter(plugin, topic);
        Throwable error = null;
        try {
            handler.handle(plugin.shell(), topic, args);
        } catch (Fatal f) {
            site.exit(token, outerPlugin, outerWhat);
            throw f;
        } catch (Throwable t) {
            error = t;
        }
        if (site.exit(token, outerPlugin, outerWhat)) {
            return Failure.overran(plugin, topic, watchdog.failMillis());
        }
        return error == null ? null : Failure.thrown(plugin, topic, error);
    }

    /**
     * Runs plugin code off the dispatch path; a failure is reported to the plugin's owner.
     *
     * @param plugin the plugin whose code it is
     * @param what what it is, for messages: {@code stdout listener}, {@code execute action}, ...
     * @param action the code
     * @return whether it ran and succeeded
     */
    public boolean run(AttachedPlugin plugin, String what, Action action) {
        if (!plugin.callable(what)) {
            return false;
        }
        Failure f;
        try {
            f = attempt(plugin, what, action);
        } catch (Fatal e) {
            return false; // the job is over; whoever ended it has said so
        }
        if (f != null) {
            plugin.owner().failed(f);
            return false;
        }
        return true;
    }

    /**
     * Runs plugin code, leaving the failure to the caller.
     *
     * @param plugin the plugin whose code it is
     * @param what what it is, for messages
     * @param action the code
     * @return null when it succeeded or was not called (the plugin is gone or deny-listed), else the
     *     failure
     * @throws Fatal when the code ended the job
     */
    public Failure attempt(AttachedPlugin plugin, String what, Action action) {
        return call(site(), plugin, what, (shell, topic, args) -> action.run(), null);
    }

    /** @return the plugin the calling thread is calling now, or null outside plugin code */
    public AttachedPlugin current() {
        return site().plugin();
    }
}
