package org.jobshell.plugin.tmpdir;

import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code tmpdir} plugin (spec §3.2): each shell of a job gets a private temporary
 * directory, {@code ${TMPDIR:-/tmp}/jobtmp-<shell rank>-<job id>} (mode 0700), in every task's
 * {@code JOBSHELL_JOB_TMPDIR} and as the template tag {@code {{tmpdir}}}; it is removed with what it
 * holds when the shell ends. A job {@code TMPDIR} that cannot be created is reset to {@code /tmp}
 * with a warning.
 */
@Component(property = {ShellPlugin.NAME + "=tmpdir", "service.ranking:Integer=3"})
public final class TmpdirPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        new JobTmpdir(plugin);
    }
}
