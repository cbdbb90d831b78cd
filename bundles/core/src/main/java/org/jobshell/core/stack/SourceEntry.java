package org.jobshell.core.stack;

import java.util.Objects;
import org.jobshell.core.spi.PluginSource;

/**
 * One registered {@link PluginSource} service: its place in the load order and what messages name.
 *
 * @param name the source's name ({@value PluginSource#NAME}, else its bundle's symbolic name)
 * @param ranking the service ranking
 * @param serviceId the service id
 * @param bundle the registering bundle's symbolic name
 * @param bundleVersion its version
 * @param source the service
 */
public record SourceEntry(String name, int ranking, long serviceId, String bundle, String bundleVersion,
        PluginSource source) implements Ranked {

    /** Checks the fields. */
    public SourceEntry {
        Objects.requireNonNull(name);
        Objects.requireNonNull(source);
    }

    /** @return {@code plugin source '<name>' (bundle <bsn> <version>)} */
    public String describe() {
        return "plugin source '" + name + "' (bundle " + bundle + " " + bundleVersion + ")";
    }
}
