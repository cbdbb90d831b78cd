package org.jobshell.daemon;

import java.io.File;
import java.io.PrintStream;
import org.jobshell.api.admin.DeployFailure;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The daemon log's lines about the plugin directory: one per deployment, removal or failure, naming
 * the file; failures and retirements are also events ({@link PluginEvents}). The daemon log is the daemon's standard error ({@code var/log/daemon.log} when detached).
 */
@Component(service = DeployLog.class)
public class DeployLog {

    private final PrintStream out = System.err;
    private final PluginEvents events;

    /** @param events where a failure is also published */
    @Activate
    public DeployLog(@Reference PluginEvents events) {
        this.events = events;
    }

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
        events.failed(f);
    }

    /** @param b a bundle whose plugins just left new jobs' stacks */
    void retired(Bundle b) {
        events.retired(b);
    }
}
