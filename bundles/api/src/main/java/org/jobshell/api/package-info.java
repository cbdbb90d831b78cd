/**
 * The jobshell plugin contract.
 *
 * <p>A plugin is an OSGi service {@link org.jobshell.api.ShellPlugin} with the service properties
 * {@value org.jobshell.api.ShellPlugin#NAME} (its name on the plugin stack) and
 * {@code service.ranking} (its load order). For every job (every shell rank of a job) the core
 * calls {@link org.jobshell.api.ShellPlugin#attach(PluginContext)} once; the plugin registers
 * topic handlers there and keeps its per-job state in what those handlers close over.
 *
 * <p>Sites compile against this package only. Types marked {@code @ProviderType} are implemented by
 * the core; plugins implement the {@code @ConsumerType} ones.
 */
@Export
@Version("1.3.0")
package org.jobshell.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
