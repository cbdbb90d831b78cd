/**
 * The core's service provider interface: the seams through which other bundles extend the core
 * itself, as opposed to {@code org.jobshell.api}, which is all a plugin author needs.
 *
 * <ul>
 *   <li>{@link org.jobshell.core.spi.PluginSource}: contributes per-job plugins (Lua plugins, a plugin
 *       bundle that rc logic loads) at a point of the stack order, under the same ordering and
 *       name-replacement rules as plugin services;</li>
 *   <li>{@link org.jobshell.core.spi.TaskLauncher}: starts task processes; the highest-ranked launcher
 *       service is used for a job;</li>
 *   <li>{@link org.jobshell.core.spi.ShellExchange}: everything the shells of one job exchange
 *       (barriers, RPC, the job exception and kill fan-out, what only the leader writes), so that shells
 *       on separate nodes can use another implementation.</li>
 * </ul>
 *
 * <p>Types marked {@code @ConsumerType} are implemented by extending bundles; the core implements the
 * {@code @ProviderType} ones.
 */
@Export
@Version("1.1.0")
package org.jobshell.core.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
