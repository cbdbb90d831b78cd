package org.jobshell.api.admin;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The plugin services of the container, as the next job would get them. */
@ProviderType
public interface PluginInventory {

    /** @return every registered plugin, in load order (shadowed ones included) */
    List<PluginInfo> plugins();

    /**
     * @return the shell options the next job's plugins declare (active plugins only) and the core's
     *     own, sorted by option name
     */
    List<PluginOption> options();

    /**
     * @return problems with registered services that are not plugins a job can use (a service
     *     without a name, say), one line each
     */
    List<String> problems();
}
