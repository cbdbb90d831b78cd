package org.jobshell.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One plugin attached to one job: where it registers its topic handlers.
 *
 * <p>Handlers may be added or removed at any time during the job (for example a plugin adds a
 * {@code task.exec} handler in its {@code shell.init} only when an option asks for it); changes
 * apply to the next topic call.
 */
@ProviderType
public interface PluginContext {

    /** @return the plugin's name on the stack */
    String name();

    /** @return the shell (job and shell rank) this plugin is attached to */
    Shell shell();

    /**
     * @return the plugin's configuration for this job, a copy per job, never null: for a plugin
     *     service, its service properties other than the framework's and jobshell's own (its component
     *     properties, and its ConfigAdmin configuration, which DS merges into them: an admin's
     *     {@code etc/<pid>.cfg}); for a plugin a plugin source pushes (a Lua plugin), what that source
     *     gives ({@code conf=})
     */
    ObjectNode conf();

    /**
     * Appends a handler. For each topic call, only the first handler (in registration order) whose
     * glob matches the topic is called.
     *
     * @param topicGlob an fnmatch(3) pattern without flags: {@code *} matches any sequence
     *     including dots, {@code ?} one character, {@code [...]} a set; e.g. {@code shell.*}
     * @param handler the callback
     * @return this context, for chaining
     * @throws IllegalArgumentException if the glob is malformed
     */
    PluginContext handle(String topicGlob, Handler handler);

    /**
     * Declares a shell option this plugin reads. Declare options in {@code attach}: the core checks
     * the job's options against every declaration before any task starts (a bad value fails the job
     * naming the option and this plugin; an option nobody declares is warned about), and
     * {@code jobshell run --help-options} lists them.
     *
     * @param option the option
     * @return this context, for chaining
     */
    PluginContext declare(OptionSpec option);

    /**
     * Removes the first handler registered with exactly this glob string.
     *
     * @param topicGlob the glob, compared as a string
     * @return whether a handler was removed
     */
    boolean unhandle(String topicGlob);
}
