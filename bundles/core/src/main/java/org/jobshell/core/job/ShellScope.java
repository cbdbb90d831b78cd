package org.jobshell.core.job;

import org.jobshell.api.RankInfo;
import org.jobshell.api.ShellInfo;
import org.jobshell.core.spi.ShellExchange;
import org.jobshell.core.stack.PluginCalls;
import org.jobshell.core.stack.PluginStack;

/**
 * The parts of one shell that plugins reach through their {@link ShellView}: what the view and the
 * plugin bookkeeping use instead of the whole {@link ShellRun}.
 */
interface ShellScope {

    /** @return the job and this shell's place in it */
    ShellInfo info();

    /**
     * @param shellRank a shell rank of this job
     * @return what it runs
     */
    RankInfo rankInfo(int shellRank);

    /** @return the job's shell options */
    JobOptions options();

    /** @return the job environment of this shell */
    EnvironmentMap environment();

    /** @return this shell's tasks */
    ShellTasks tasks();

    /** @return how this shell is cancelled */
    ShellCancel shellCancel();

    /** @return the log */
    ShellLogger logger();

    /** @return how topics are called */
    TopicCalls topics();

    /** @return the failure state */
    ShellFailure failure();

    /** @return the service methods and event context */
    ShellServices services();

    /** @return the main loop */
    ShellLoop loop();

    /** @return what the shells of the job exchange */
    ShellExchange exchange();

    /** @return the shell's mustache templates */
    Mustache mustache();

    /** @return the plugins, in call order */
    PluginStack stack();

    /** @return how plugin code is called */
    PluginCalls calls();

    /**
     * @param what what a plugin asked for, for the message
     * @return the leader's records
     * @throws IllegalStateException on a shell that is not the leader
     */
    LeaderRecords leader(String what);

    /**
     * A plugin callback holds {@code thread} and ignores interrupts: if it is this shell's thread, the
     * shell gives it up and ends without it.
     *
     * @param thread the thread
     */
    void abandon(Thread thread);
}
