package org.jobshell.core.spi;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Contributes plugins to each job that are not OSGi {@code ShellPlugin} services of their own: Lua
 * plugins of an initrc, or the plugins of a bundle that rc logic decides to load.
 *
 * <p>Registered as an OSGi service. Its {@code service.ranking} places it in the load order of plugin
 * services: while a shell attaches its plugins, in ascending ranking (ties: service id), a plugin
 * service is attached and a source is asked to {@link #contribute}. Whatever a source pushes follows
 * the rules for services: the last loaded name wins, takes the end of the stack, and the plugin it
 * replaced gets no more callbacks. Give a source that must come after every plugin service (as Lua
 * plugins do) the ranking {@link Integer#MAX_VALUE}.
 */
@ConsumerType
public interface PluginSource {

    /** Service property: the source's name in messages, e.g. {@code lua}; default: its bundle's name. */
    String NAME = "jobshell.source.name";

    /**
     * Pushes this source's plugins for one shell of a job. Called on the shell's thread before
     * {@code shell.init}, once per shell of every job; the shell's options, environment and
     * information are available, its tasks are not.
     *
     * @param stack the shell's plugin stack, as a source sees it
     * @throws Exception to fail the job; the message is shown with the source named
     */
    void contribute(JobStack stack) throws Exception;

    /**
     * Tells, outside any job, which plugins this source would push for a job with no options of its
     * own: what {@code jobshell plugins} lists after the plugin services, at this source's place in
     * the load order. Called on any thread, at any time; it must not change what jobs get.
     *
     * @return the plugins, in the order they would be pushed; by default none
     * @throws Exception when it cannot tell: the message is listed as a problem naming the source
     */
    default List<PluginListing> listing() throws Exception {
        return List.of();
    }
}
