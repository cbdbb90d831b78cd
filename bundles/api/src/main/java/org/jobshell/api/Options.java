package org.jobshell.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The job's shell options: the top-level keys of jobspec {@code attributes.system.shell.options}.
 * {@code -o cpu-affinity=per-task} is the option {@code cpu-affinity} with the string value
 * {@code per-task}; {@code -o output.stdout.label} is the option {@code output} with the value
 * {@code {"stdout":{"label":1}}}. Every plugin of the shell sees changes at once.
 */
@ProviderType
public interface Options {

    /**
     * @param name a top-level option name
     * @return the value, or null when the option is not set
     */
    JsonNode get(String name);

    /**
     * Reads a string option.
     *
     * @param name the option name
     * @param defaultValue returned when the option is not set
     * @return the value
     * @throws ShellException naming the option when it is set but not a string
     */
    String getString(String name, String defaultValue);

    /**
     * Reads an integer option.
     *
     * @param name the option name
     * @param defaultValue returned when the option is not set
     * @return the value
     * @throws ShellException naming the option when it is set but not an integer
     */
    int getInt(String name, int defaultValue);

    /**
     * Sets or removes an option.
     *
     * @param name the option name
     * @param value the new value, or null to remove it
     */
    void set(String name, JsonNode value);

    /** @return a copy of every option */
    ObjectNode toJson();
}
