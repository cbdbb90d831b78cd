package org.jobshell.core.job;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jobshell.core.spi.Spawned;

/**
 * Signals sent to a shell's tasks while they are still being started (a kill, a received signal, the
 * {@code signal} plugin's warning before the time limit): each goes to the tasks running then, and
 * each task started later gets it right after its spawn, so that a signal for the whole job reaches
 * every task exactly once. Thread-safe: signals come from any thread.
 */
final class StartingSignals {

    private final Set<Integer> sent = new LinkedHashSet<>();
    private boolean startsDone;

    /**
     * @param signal a signal for every task of the shell ({@code <= 0}: none)
     * @param running the tasks running now
     * @return the processes to signal now
     */
    synchronized List<Spawned> send(int signal, Supplier<List<Spawned>> running) {
        if (!startsDone && signal > 0) {
            sent.add(signal);
        }
        return running.get();
    }

    /**
     * @param markStarted marks a task started (it is then among the running tasks)
     * @return the signals that task missed, to send it now
     */
    synchronized List<Integer> started(Runnable markStarted) {
        markStarted.run();
        return sent.isEmpty() ? List.of() : List.copyOf(sent); // empty for nearly every task: no copy
    }

    /** No more task will be started. */
    synchronized void startsDone() {
        startsDone = true;
        sent.clear();
    }
}
