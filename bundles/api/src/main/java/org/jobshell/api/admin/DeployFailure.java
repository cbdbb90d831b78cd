package org.jobshell.api.admin;

/**
 * A file in the plugin directory that is not in use because deploying it failed: not a jar, not a
 * bundle, a bad manifest, an import nothing provides, or a plugin component that throws when it is
 * activated.
 *
 * @param file the file name, as the admin copied it into the plugin directory
 * @param bundle the bundle's symbolic name and version when it has them, else null
 * @param reason why it is not in use, one line
 */
public record DeployFailure(String file, String bundle, String reason) {
}
