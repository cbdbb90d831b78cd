package org.jobshell.core.stack;

/**
 * Where an attached plugin comes from (an OSGi service, later a Lua file): what error messages and
 * listings name, and whether it is still there.
 */
public interface PluginSource {

    /** @return a short description for messages, e.g. {@code bundle org.example.affinity 1.2.0} */
    String describe();

    /** @return true once the source went away (its bundle stopped): its callbacks are dropped */
    boolean removed();
}
