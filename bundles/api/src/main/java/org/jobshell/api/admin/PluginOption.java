package org.jobshell.api.admin;

import org.jobshell.api.OptionSpec;

/**
 * A shell option declared by a plugin the next job gets, or by the core itself.
 *
 * @param plugin the declaring plugin's name, {@code jobshell} for the core's own options
 * @param option the declaration
 */
public record PluginOption(String plugin, OptionSpec option) {
}
