package org.jobshell.api.admin;

import java.util.List;

/**
 * One plugin service as the next job would see it.
 *
 * @param name the plugin name
 * @param ranking its {@code service.ranking}
 * @param serviceId its {@code service.id}
 * @param bundle the symbolic name of the bundle that registered it
 * @param bundleVersion that bundle's version
 * @param optional whether its failures on fatal topics only warn
 * @param active true when jobs get this plugin; false when a later plugin of the same name
 *     shadows it
 * @param shadowedBy for a shadowed plugin, the bundle and version that wins, else null
 * @param topics the topic globs it registers when attached, in order; empty when attaching it
 *     outside a job failed
 */
public record PluginInfo(String name, int ranking, long serviceId, String bundle, String bundleVersion,
        boolean optional, boolean active, String shadowedBy, List<String> topics) {
}
