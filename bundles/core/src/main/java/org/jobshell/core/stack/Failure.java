package org.jobshell.core.stack;

/**
 * One plugin's failure on one topic call.
 *
 * @param plugin the plugin that failed
 * @param topic the topic
 * @param message the message users see
 * @param error the exception thrown, for debugging (null when there was none)
 */
public record Failure(AttachedPlugin plugin, String topic, String message, Throwable error) {

    /** @return {@code plugin '<name>': <topic> failed: <message> (<source>)} */
    public String describe() {
        String from = plugin.source() == null ? "" : " (" + plugin.source().describe() + ")";
        return "plugin '" + plugin.name() + "': " + topic + " failed: " + message + from;
    }
}
