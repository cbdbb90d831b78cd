package org.jobshell.daemon;

import java.io.File;
import java.io.PrintStream;
import org.jobshell.api.admin.DeployFailure;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;

/**
 * The daemon log's lines about the plugin directory: one per deployment, removal or failure, naming
 * the file. The daemon log is the daemon's standard error ({@code var/log/daemon.log} when detached).
 */
@Component(service = DeployLog.class)
public class DeployLog {

    private final PrintStream out = System.err;

    void deployed(File file, Bundle b) {
        out.println("jobshell daemon: " + file.getName() + ": deployed " + b.getSymbolicName() + " " + b.getVersion());
    }

    void removed(File file, Bundle b) {
        out.println("jobshell daemon: " + file.getName() + ": removed " + b.getSymbolicName() + " " + b.getVersion()
                + " (uninstalled once no running job uses it)");
    }

    void failed(File file, DeployFailure f) {
        out.println("jobshell daemon: " + file.getName() + ": failed: " + f.reason()
                + (f.bundle() == null ? "" : " (bundle " + f.bundle() + ")"));
    }
}
