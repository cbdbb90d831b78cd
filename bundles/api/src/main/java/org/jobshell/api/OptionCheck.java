package org.jobshell.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks the value of a declared shell option ({@link OptionSpec#check(OptionCheck)}) before any task
 * of the job starts, after its type was checked.
 */
@ConsumerType
@FunctionalInterface
public interface OptionCheck {

    /**
     * @param value the option's value, never null
     * @throws ShellException saying what is wrong, e.g. {@code must be a duration, got "abc"}; the core
     *     prefixes the option and the plugin
     */
    void check(JsonNode value);
}
