package org.jobshell.example.sitecpuaffinity;

import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * An example site plugin that <em>replaces</em> the builtin {@code cpu-affinity}.
 *
 * <p>It registers under the builtin's name, {@code cpu-affinity}, with ranking 100. Plugins load in
 * ascending ranking and the last one loaded with a name wins, so while this bundle is installed
 * jobs get this plugin and the builtin (ranking 36) is not attached at all. Uninstall the bundle and
 * the next job gets the builtin again.
 *
 * <p>The site policy: every task is bound to its own share of the shell's cores, and the task sees
 * its CPU list in {@value SiteBinding#BINDING_VARIABLE}. {@code -o cpu-affinity=off} leaves
 * affinity alone; any other value gets the site policy, with a warning.
 */
@Component(property = {ShellPlugin.NAME + "=cpu-affinity", "service.ranking:Integer=100"})
public final class SiteCpuAffinity implements ShellPlugin {

    /**
     * Attaches the policy to one job. Per-job state lives in the {@link SiteBinding} the handlers
     * close over, so one service instance serves any number of jobs at once.
     *
     * @param plugin this plugin's view of the job
     */
    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(OptionSpec.of("cpu-affinity", OptionSpec.Type.STRING).syntax("off|...").defaultValue("site")
                .help("off leaves affinity alone; the site binds each task to its own share of the cores"));
        SiteBinding binding = new SiteBinding();
        plugin.handle("shell.init", binding::init);
        plugin.handle("task.exec", binding::bind);
    }
}
