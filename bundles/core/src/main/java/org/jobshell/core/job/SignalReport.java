package org.jobshell.core.job;

import java.util.BitSet;
import org.jobshell.api.LogLevel;
import org.jobshell.core.spi.ExitStatus;

/**
 * Names the signal that killed a task, in one line ({@code task 3: killed by SIGSEGV (core dumped)}),
 * unless the shell sent that signal itself (a cancel, a kill): then the user asked for it.
 */
final class SignalReport {

    private final ShellLogger logger;
    private final BitSet sent = new BitSet();

    SignalReport(ShellLogger logger) {
        this.logger = logger;
    }

    /** @param signal a signal the shell sends its tasks */
    synchronized void sent(int signal) {
        sent.set(Math.max(0, signal));
    }

    /**
     * @param rank the task's rank
     * @param status how it ended
     */
    void exited(int rank, ExitStatus status) {
        int sig = status.signal();
        boolean ours;
        synchronized (this) {
            ours = sent.get(sig);
        }
        if (sig != 0 && !ours) {
            logger.log(null, LogLevel.ERROR, "task " + rank + ": " + status.describe());
        }
    }
}
