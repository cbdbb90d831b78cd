package org.jobshell.plugin.cpuaffinity;

import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code cpu-affinity} plugin. Option {@code cpu-affinity}
 * ({@code [dry-run,][verbose,](on|off|per-task|map:LIST)}, default {@code on}):
 *
 * <ul>
 *   <li>{@code on}: every task is bound to the shell's cores;</li>
 *   <li>{@code per-task}: the shell's cores are spread evenly over its tasks; R gives a shell its
 *       tasks times {@code -c} cores, so each task gets its {@code -c} of them (tasks share cores
 *       when the job asked for more than the host has);</li>
 *   <li>{@code map:LIST}: task i gets the i-th {@code ;}-separated set (a list such as
 *       {@code 0-1}, a mask such as {@code 0x3}, or an hwloc bitmap), reused from the start when
 *       there are more tasks than sets;</li>
 *   <li>{@code off}: affinity is left alone.</li>
 * </ul>
 *
 * {@code verbose} logs the sets, {@code dry-run} logs them without binding. Bindings are applied by
 * the launcher at spawn (a task whose set equals the container's own costs nothing).
 */
@Component(property = {ShellPlugin.NAME + "=cpu-affinity", "service.ranking:Integer=36"})
public final class CpuAffinityPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(AffinityOption.SPEC);
        JobAffinity affinity = new JobAffinity();
        plugin.handle("shell.init", affinity::init);
        plugin.handle("task.exec", affinity::taskExec);
    }
}
