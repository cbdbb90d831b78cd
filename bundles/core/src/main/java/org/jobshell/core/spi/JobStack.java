package org.jobshell.core.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellPlugin;
import org.osgi.annotation.versioning.ProviderType;

/** The plugin stack of one shell, as a {@link PluginSource} sees it while it contributes. */
@ProviderType
public interface JobStack {

    /** @return the shell: its information, options, environment and log (messages name the source) */
    Shell shell();

    /**
     * Attaches a plugin now and pushes it: it goes to the end of the stack, and a plugin of the same
     * name already there is replaced (it gets no more callbacks).
     *
     * @param name the plugin's name on the stack
     * @param plugin the plugin; its {@link ShellPlugin#attach} is called before this returns
     * @param origin where it comes from, for messages and for dropping it if it goes away
     * @param optional whether its failures on fatal topics only warn
     * @param conf its configuration ({@code PluginContext.conf()}), or null for none
     * @return whether it was pushed: false when an optional plugin's attach failed (then it was
     *     skipped with a warning), or when its name is disabled ({@code jobshell:disable}) or left out
     *     of the job ({@code -o plugins=-NAME})
     * @throws org.jobshell.api.ShellException when a required plugin's attach failed, naming it
     */
    boolean push(String name, ShellPlugin plugin, PluginOrigin origin, boolean optional, ObjectNode conf);

    /** @return the names on the stack so far, in call order */
    List<String> names();
}
