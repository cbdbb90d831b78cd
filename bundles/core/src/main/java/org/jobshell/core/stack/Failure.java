package org.jobshell.core.stack;

/**
 * One plugin's failure on one call.
 *
 * @param plugin the plugin that failed
 * @param topic the topic, or what else it was called for ({@code stdout listener}, ...)
 * @param message the message users see
 * @param error the exception thrown, for debugging (null when there was none)
 * @param overran whether it failed by running past the watchdog's fail limit (it is deny-listed)
 */
public record Failure(AttachedPlugin plugin, String topic, String message, Throwable error, boolean overran) {

    /**
     * @param plugin the plugin
     * @param topic the topic
     * @param error what it threw
     * @return the failure
     */
    static Failure thrown(AttachedPlugin plugin, String topic, Throwable error) {
        return new Failure(plugin, topic, Dispatcher.messageOf(error), error, false);
    }

    /**
     * @param plugin the plugin
     * @param topic the topic
     * @param limitMillis the fail limit it ran past
     * @return the failure
     */
    static Failure overran(AttachedPlugin plugin, String topic, long limitMillis) {
        return new Failure(plugin, topic, "did not return within " + limitMillis + " ms", null, true);
    }

    /**
     * @return {@code plugin '<name>': <topic> failed: <message> (<origin>)}, or for an overrun
     *     {@code plugin '<name>': <topic> did not return within N ms (<origin>); deny-listed for the
     *     rest of the job}
     */
    public String describe() {
        String from = plugin.origin() == null ? "" : " (" + plugin.origin().describe() + ")";
        if (overran) {
            return "plugin '" + plugin.name() + "': " + topic + " " + message + from
                    + "; deny-listed for the rest of the job";
        }
        return "plugin '" + plugin.name() + "': " + topic + " failed: " + message + from;
    }
}
