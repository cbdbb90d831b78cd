package org.jobshell.daemon;

import java.io.File;
import org.jobshell.api.admin.DeployFailure;
import org.osgi.framework.Bundle;

/**
 * What a file of the plugin directory became: a started bundle, or a failure.
 *
 * @param file the file
 * @param bundle the bundle installed from it, or null when it failed
 * @param failure why it failed, or null
 */
record Deployed(File file, Bundle bundle, DeployFailure failure) {

    static Deployed ok(File file, Bundle bundle) {
        return new Deployed(file, bundle, null);
    }

    static Deployed failed(File file, String bundle, String reason) {
        return new Deployed(file, null, new DeployFailure(file.getName(), bundle, reason));
    }
}
