package org.jobshell.api;

import java.util.SortedMap;
import org.osgi.annotation.versioning.ProviderType;

/** A set of environment variables: the job's, or one task's. */
@ProviderType
public interface Environment {

    /**
     * @param name the variable
     * @return its value, or null when unset
     */
    String get(String name);

    /**
     * Sets a variable.
     *
     * @param name the variable
     * @param value the value
     * @param overwrite when false and the variable is set, nothing changes
     */
    void set(String name, String value, boolean overwrite);

    /**
     * Sets a variable, replacing any value.
     *
     * @param name the variable
     * @param value the value
     */
    default void set(String name, String value) {
        set(name, value, true);
    }

    /**
     * Removes a variable.
     *
     * @param name the variable
     * @return whether it was set
     */
    boolean unset(String name);

    /** @return a sorted copy of every variable */
    SortedMap<String, String> toMap();
}
