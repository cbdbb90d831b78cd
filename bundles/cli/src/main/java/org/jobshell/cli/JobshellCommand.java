package org.jobshell.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.jobshell.api.admin.AdminConsole;
import org.jobshell.api.admin.DeployReport;
import org.jobshell.api.admin.JobService;
import org.jobshell.api.admin.PluginInventory;
import org.jobshell.api.admin.PluginSwitch;
import org.jobshell.launch.Caller;
import org.jobshell.launch.Command;
import org.jobshell.launch.Session;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The jobshell command line, as a service: the one-shot launcher runs one command line with
 * {@link #run}; the daemon opens a {@link CliSession} per client ({@link #open}). Errors a user can
 * fix are one line {@code jobshell: error: ...} and exit code 1, never a stack trace.
 */
@Component
public final class JobshellCommand implements Command {

    private final CliServices services;
    private Session oneShot;

    /**
     * @param context this bundle's context (settings such as the var directory)
     * @param jobs runs jobs
     * @param inventory lists plugins
     */
    @Activate
    public JobshellCommand(BundleContext context, @Reference JobService jobs, @Reference PluginInventory inventory) {
        this.services = new CliServices(context, jobs, inventory);
    }

    /** @param report what the daemon's hot deployment could not put in use */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetDeployReport")
    void setDeployReport(DeployReport report) {
        services.deployReport(report);
    }

    void unsetDeployReport(DeployReport report) {
        services.deployReport(null);
    }

    /** @param console the container's console (the daemon has one) */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetConsole")
    void setConsole(AdminConsole console) {
        services.console(console);
    }

    void unsetConsole(AdminConsole console) {
        services.console(null);
    }

    /** @param s switches plugins off and on */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetPluginSwitch")
    void setPluginSwitch(PluginSwitch s) {
        services.pluginSwitch(s);
    }

    void unsetPluginSwitch(PluginSwitch s) {
        services.pluginSwitch(null);
    }

    @Override
    public Session open(Caller caller) {
        return new CliSession(services, caller);
    }

    @Override
    public int run(List<String> args, InputStream in, OutputStream out, OutputStream err) {
        return oneShot().run(args, in, out, err);
    }

    @Override
    public void signal(int signal) {
        oneShot().signal(signal);
    }

    private synchronized Session oneShot() {
        if (oneShot == null) {
            oneShot = open(Caller.self());
        }
        return oneShot;
    }
}
