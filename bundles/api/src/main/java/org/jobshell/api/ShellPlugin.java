package org.jobshell.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin of the job shell, registered as an OSGi service and attached to every job.
 *
 * <p>Declare it with DS, naming it and giving its load order:
 *
 * <pre>{@code
 * @Component(property = {ShellPlugin.NAME + "=cpu-affinity", "service.ranking:Integer=100"})
 * public class SiteAffinity implements ShellPlugin {
 *     public void attach(PluginContext plugin) {
 *         plugin.handle("shell.init", (shell, topic, args) -> shell.log().notice("hello"));
 *     }
 * }
 * }</pre>
 *
 * <p>Plugins are ordered by ascending {@code service.ranking} (ties: install order). When two plugins
 * have the same name, the one loaded later (higher ranking) wins, takes its own place at the end of
 * the stack, and the other one is not attached to the job at all. Builtins use rankings 0 to 99; site
 * plugins use 100 and above.
 *
 * <p>The same service is also attached once to the long-lived container's own stack, whose
 * container-level topics ({@link Topics#JOB_SUBMITTING}, {@link Topics#JOB_SUCCEEDED}, ...) are about
 * whole jobs: one plugin can handle {@code shell.init} for each job and {@code job.submitting} for the
 * container. There {@link PluginContext#shell()} only offers its {@code log()}.
 *
 * <p>An implementation keeps no static per-job state: the same service serves many jobs, possibly
 * at the same time. {@link #attach} must only register handlers (and create per-job state); real
 * work belongs in the handlers, starting with {@link Topics#SHELL_INIT}.
 */
@ConsumerType
public interface ShellPlugin {

    /** Service property holding the plugin's name on the stack (required), e.g. {@code cpu-affinity}. */
    String NAME = "jobshell.plugin.name";

    /**
     * Service property marking a plugin optional ({@code true}): its failures on topics that are
     * fatal for the job are logged as warnings instead, naming the plugin. Can also be set through
     * the component's ConfigAdmin configuration.
     */
    String OPTIONAL = "jobshell.plugin.optional";

    /**
     * Service property: the plugins ({@code NAME,...}) this one must come after on the stack, within
     * the ranking order; a name that is not there, or a cycle, is warned about once and ranking order
     * is used.
     *
     * @since 1.2
     */
    String AFTER = "jobshell.plugin.after";

    /**
     * Service property: the plugins ({@code NAME,...}) this one must come before on the stack; as
     * {@link #AFTER}.
     *
     * @since 1.2
     */
    String BEFORE = "jobshell.plugin.before";

    /**
     * Attaches this plugin to one job: register handlers on {@code plugin}.
     *
     * @param plugin this plugin's view of the job
     * @throws Exception to refuse the job; the job then fails (or, for an optional plugin, goes on
     *     without it), with the plugin named in the message
     */
    void attach(PluginContext plugin) throws Exception;
}
