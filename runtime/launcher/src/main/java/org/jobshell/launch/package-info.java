/**
 * The contract between the launcher of {@code bin/jobshell} and the bundle that serves the
 * command line. The launcher's class path provides this package and the system bundle exports it.
 */
@Version("1.1.0")
package org.jobshell.launch;

import org.osgi.annotation.versioning.Version;
