/**
 * Running jobs and inspecting plugins: what the command line, the console and embedders use. Plugins
 * do not need this package.
 */
@Export
@Version("1.4.0")
package org.jobshell.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
