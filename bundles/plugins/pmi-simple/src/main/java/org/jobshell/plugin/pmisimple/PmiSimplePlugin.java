package org.jobshell.plugin.pmisimple;

import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code pmi-simple} plugin (spec §3.2): a PMI-1 wire protocol server per shell, so that
 * the ranks of an MPI program find each other. Each task gets its own connected socket as
 * {@code PMI_FD}, with {@code PMI_RANK} and {@code PMI_SIZE}; where the job's launchers cannot pass a
 * socket (Java 17: ProcessBuilder only), tasks get {@code PMI_PORT} and {@code PMI_ID} instead, and the
 * shell serves only connections its own tasks make ({@link TaskSockets}). The KVS is exchanged across
 * the shells at each barrier; {@code PMI_Abort} ends the job with {@code PMI_Abort: <msg>}; any other
 * protocol error fails it. Options {@code pmi} and {@code pmi-simple.*} ({@link PmiOption}); {@code -vv}
 * traces the protocol.
 */
@Component(property = {ShellPlugin.NAME + "=pmi-simple", "service.ranking:Integer=15"})
public final class PmiSimplePlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(PmiOption.SPEC).declare(PmiOption.KVS).declare(PmiOption.NOMAP);
        ShellPmi pmi = new ShellPmi();
        plugin.handle("shell.init", pmi::init);
        plugin.handle("task.init", pmi::taskInit);
        plugin.handle("task.fork", pmi::taskFork);
        plugin.handle("shell.exit", pmi::exit);
    }
}
