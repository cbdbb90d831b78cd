package org.jobshell.api.admin;

import java.util.List;

/**
 * One plugin as the next job would see it: a plugin service, or a plugin a plugin source (the Lua
 * initrc) would push.
 *
 * @param name the plugin name
 * @param ranking its {@code service.ranking}; for a pushed plugin, its source's
 * @param serviceId its {@code service.id}; for a pushed plugin, its source's
 * @param bundle the symbolic name of the bundle that registered it (or its source)
 * @param bundleVersion that bundle's version
 * @param optional whether its failures on fatal topics only warn
 * @param active true when jobs get this plugin; false when a later plugin of the same name
 *     shadows it
 * @param shadowedBy for a shadowed plugin, the bundle and version (or the origin) that wins, else
 *     null
 * @param topics the topic globs it registers when attached, in order; empty when attaching it
 *     outside a job failed
 * @param origin for a plugin a source pushes, where it comes from (e.g. {@code Lua file
 *     /opt/jobshell/etc/lua.d/site.lua}); null for a plugin service
 * @param disabled whether an admin disabled its name ({@code jobshell:disable}): jobs and the container
 *     do not get it (since 1.3)
 */
public record PluginInfo(String name, int ranking, long serviceId, String bundle, String bundleVersion,
        boolean optional, boolean active, String shadowedBy, List<String> topics, String origin,
        boolean disabled) {

    /**
     * A plugin that is not disabled.
     *
     * @param name the plugin name
     * @param ranking its {@code service.ranking}; for a pushed plugin, its source's
     * @param serviceId its {@code service.id}; for a pushed plugin, its source's
     * @param bundle the symbolic name of the bundle that registered it (or its source)
     * @param bundleVersion that bundle's version
     * @param optional whether its failures on fatal topics only warn
     * @param active whether jobs get it
     * @param shadowedBy what wins over it, or null
     * @param topics the topic globs it registers
     * @param origin where a pushed plugin comes from, null for a plugin service
     */
    public PluginInfo(String name, int ranking, long serviceId, String bundle, String bundleVersion,
            boolean optional, boolean active, String shadowedBy, List<String> topics, String origin) {
        this(name, ranking, serviceId, bundle, bundleVersion, optional, active, shadowedBy, topics, origin, false);
    }

    /**
     * A plugin service.
     *
     * @param name the plugin name
     * @param ranking its {@code service.ranking}
     * @param serviceId its {@code service.id}
     * @param bundle the symbolic name of the bundle that registered it
     * @param bundleVersion that bundle's version
     * @param optional whether its failures on fatal topics only warn
     * @param active whether jobs get it
     * @param shadowedBy what wins over it, or null
     * @param topics the topic globs it registers
     */
    public PluginInfo(String name, int ranking, long serviceId, String bundle, String bundleVersion,
            boolean optional, boolean active, String shadowedBy, List<String> topics) {
        this(name, ranking, serviceId, bundle, bundleVersion, optional, active, shadowedBy, topics, null, false);
    }

    /**
     * @return {@code disabled}, {@code active} or {@code shadowed}, as {@code jobshell plugins} shows it
     * @since 1.3
     */
    public String state() {
        return disabled ? "disabled" : active ? "active" : "shadowed";
    }

    /** @return where it comes from, as messages name it: its origin, else its bundle and version */
    public String from() {
        return origin != null ? origin : bundle + " " + bundleVersion;
    }
}
