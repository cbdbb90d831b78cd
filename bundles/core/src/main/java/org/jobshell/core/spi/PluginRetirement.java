package org.jobshell.core.spi;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Hot deployment's way to replace or remove a plugin bundle without pulling it from under the jobs
 * that use it. Retiring a bundle takes its plugins out of the stack of every job that starts from
 * then on (so a lower-ranked plugin of the same name, say the builtin, is active again at once),
 * while the jobs that attached one of them keep calling it. Once none of those runs, the stage
 * completes and the bundle may be uninstalled: no job ever sees its plugins vanish mid-job.
 *
 * <p>Registered by the core. Stopping a bundle directly (the console's {@code stop}) does not retire
 * it: the running jobs drop that bundle's remaining callbacks, with one warning each.
 */
@ProviderType
public interface PluginRetirement {

    /**
     * @param bundle a bundle registering plugin services
     * @return completes once no running job holds a plugin of the bundle (at once when none does)
     */
    CompletionStage<Void> retire(Bundle bundle);
}
