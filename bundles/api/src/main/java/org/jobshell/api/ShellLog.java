package org.jobshell.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The shell's log. Every message is offered to plugins on {@code shell.log}, where the {@code evlog}
 * builtin shows those up to the job's verbosity (NOTICE, plus one level per {@code verbose}) to the
 * user as {@code jobshell[<rank>]: <LEVEL>: <component>: <message>} and records them in the output
 * eventlog; a message no plugin takes is shown and recorded the same way by the core.
 */
@ProviderType
public interface ShellLog {

    /**
     * Logs a message.
     *
     * @param level the level
     * @param message the message (one line; a trailing newline is dropped)
     */
    void log(LogLevel level, String message);

    /** @return whether messages of this level are shown */
    boolean enabled(LogLevel level);

    /** @param message an error that does not stop the job */
    default void error(String message) {
        log(LogLevel.ERROR, message);
    }

    /** @param message a warning */
    default void warn(String message) {
        log(LogLevel.WARN, message);
    }

    /** @param message something users should normally see */
    default void notice(String message) {
        log(LogLevel.NOTICE, message);
    }

    /** @param message shown with {@code -v} */
    default void debug(String message) {
        log(LogLevel.DEBUG, message);
    }

    /** @param message shown with {@code -vv} */
    default void trace(String message) {
        log(LogLevel.TRACE, message);
    }
}
