package org.jobshell.core.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where an attached plugin comes from (a bundle's service, a Lua file, ...): what error messages and
 * listings name, and whether it is still there.
 */
@ConsumerType
public interface PluginOrigin {

    /** @return a short description for messages, e.g. {@code bundle org.example.affinity 1.2.0} */
    String describe();

    /**
     * @return true once the origin went away (its bundle stopped): the job drops the plugin's
     *     remaining callbacks, with one warning
     */
    boolean removed();
}
