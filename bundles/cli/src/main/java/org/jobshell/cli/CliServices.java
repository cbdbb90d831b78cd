package org.jobshell.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.jobshell.api.admin.AdminConsole;
import org.jobshell.api.admin.DeployFailure;
import org.jobshell.api.admin.DeployReport;
import org.jobshell.api.admin.JobService;
import org.jobshell.api.admin.PluginInventory;
import org.jobshell.api.admin.PluginSwitch;
import org.osgi.framework.BundleContext;

/** What every command of the command line may use: the container's services and settings. */
final class CliServices {

    private final BundleContext context;
    private final JobService jobs;
    private final PluginInventory inventory;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile DeployReport deployReport;
    private volatile AdminConsole console;
    private volatile PluginSwitch pluginSwitch;

    CliServices(BundleContext context, JobService jobs, PluginInventory inventory) {
        this.context = context;
        this.jobs = jobs;
        this.inventory = inventory;
    }

    JobService jobs() {
        return jobs;
    }

    PluginInventory inventory() {
        return inventory;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    void deployReport(DeployReport report) {
        this.deployReport = report;
    }

    void console(AdminConsole c) {
        this.console = c;
    }

    void pluginSwitch(PluginSwitch s) {
        this.pluginSwitch = s;
    }

    /** @return what switches plugins off and on, or null when the container has none */
    PluginSwitch pluginSwitch() {
        return pluginSwitch;
    }

    /** @return the container's console, or null when it has none (one-shot) */
    AdminConsole console() {
        return console;
    }

    /** @return the files the daemon's hot deployment could not put in use; none one-shot */
    List<DeployFailure> deployFailures() {
        DeployReport r = deployReport;
        return r == null ? List.of() : r.failures();
    }

    /** @return where job directories are kept ({@code var/jobs}) */
    Path jobsDir() {
        String var = context == null ? null : context.getProperty("jobshell.var.dir");
        if (var == null || var.isEmpty()) {
            var = Path.of(System.getProperty("java.io.tmpdir"), "jobshell-" + System.getProperty("user.name"), "var")
                    .toString();
        }
        return Path.of(var, "jobs");
    }

    /** @return the version of the command line bundle */
    String version() {
        return context == null ? "unknown" : context.getBundle().getVersion().toString();
    }
}
