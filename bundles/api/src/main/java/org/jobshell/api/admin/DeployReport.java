package org.jobshell.api.admin;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the long-lived container's hot deployment could not put in use: registered by the daemon,
 * which watches the plugin directory; {@code jobshell plugins} shows these as {@code failed}.
 *
 * @since 1.2
 */
@ProviderType
public interface DeployReport {

    /** @return each file of the plugin directory that failed, by file name */
    List<DeployFailure> failures();
}
