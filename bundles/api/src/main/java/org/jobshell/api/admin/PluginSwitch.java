package org.jobshell.api.admin;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Switches plugins off and on by name, for every job and the container's own stack, without a
 * redeploy ({@code jobshell:disable NAME}, {@code jobshell:enable NAME}). The switch is kept in the
 * ConfigAdmin configuration {@code org.jobshell.plugins} (property {@code disabled}), so it survives a
 * restart. Disabling a plugin another one depends on is allowed: the other one then runs without it.
 *
 * @since 1.3
 */
@ProviderType
public interface PluginSwitch {

    /**
     * Disables a plugin name from the next job on; its running jobs keep it.
     *
     * @param name a plugin name
     * @return false when it was disabled already
     * @throws org.jobshell.api.ShellException when the switch cannot be stored, saying why
     */
    boolean disable(String name);

    /**
     * Enables a disabled plugin name again from the next job on.
     *
     * @param name a plugin name
     * @return false when it was not disabled
     * @throws org.jobshell.api.ShellException when the switch cannot be stored, saying why
     */
    boolean enable(String name);

    /** @return the disabled names */
    Set<String> disabled();
}
