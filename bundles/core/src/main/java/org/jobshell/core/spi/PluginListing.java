package org.jobshell.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * One plugin a {@link PluginSource} would push for a job, as {@link PluginSource#listing()} tells it
 * outside any job: what {@code jobshell plugins} shows for it.
 *
 * @param name the plugin's name on the stack
 * @param origin where it comes from, as its {@link PluginOrigin#describe()} says, e.g.
 *     {@code Lua file /opt/jobshell/etc/lua.d/site.lua}
 * @param optional whether its failures on fatal topics only warn
 * @param topics the topic globs it registers when attached, in order
 */
public record PluginListing(String name, String origin, boolean optional, List<String> topics) {

    /** Checks the fields and copies the topics. */
    public PluginListing {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        topics = List.copyOf(topics);
    }
}
