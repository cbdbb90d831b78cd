package org.jobshell.core.job;

import java.util.List;
import org.jobshell.api.LogLevel;
import org.jobshell.core.spi.ShellExchange;
import org.jobshell.core.stack.Fatal;

/**
 * Whether one shell goes on, and its exit code. A shell is {@link State#RUNNING} until the job fails:
 * then it has either {@link State#FAILED} itself (it raised the job exception, whose first code is
 * the job's), or been {@link State#ABORTED} because another shell did. Either way it calls no more
 * lifecycle topics and only waits for its killed tasks. {@link State#ABANDONED} is the last resort:
 * its thread is stuck in a plugin that ignores interrupts, and the shell ends without it.
 */
final class ShellFailure {

    /** The states of a shell. */
    enum State {
        /** The job goes on. */
        RUNNING,
        /** This shell failed the job. */
        FAILED,
        /** The job failed on another shell. */
        ABORTED,
        /** The shell's thread was given up. */
        ABANDONED
    }

    private final ShellLogger logger;
    private final ShellExchange exchange;
    private State state = State.RUNNING;
    private int code;

    ShellFailure(ShellLogger logger, ShellExchange exchange) {
        this.logger = logger;
        this.exchange = exchange;
    }

    /**
     * Fails the job: the first time, logs FATAL and raises the job exception (every task of the job
     * is killed).
     *
     * @param exitCode the job's exit code
     * @param message what went wrong
     * @return the exception the caller throws to unwind
     */
    Fatal fail(int exitCode, String message) {
        boolean first;
        synchronized (this) {
            first = state == State.RUNNING;
            if (first) {
                state = State.FAILED;
                code = exitCode;
            }
        }
        if (first) {
            logger.log(null, LogLevel.FATAL, message);
            exchange.abort(exitCode, message);
        }
        return new Fatal(message);
    }

    /** The job failed (on this shell or another one): stop calling topics here. */
    synchronized void aborted() {
        if (state == State.RUNNING) {
            state = State.ABORTED;
            code = 1;
        }
    }

    /** The shell's thread is given up. */
    synchronized void abandon() {
        state = State.ABANDONED;
        code = Math.max(1, code);
    }

    /** @return whether the job failed: no more lifecycle topics */
    synchronized boolean halted() {
        return state != State.RUNNING;
    }

    /** @return whether the shell's thread was given up */
    synchronized boolean abandoned() {
        return state == State.ABANDONED;
    }

    /**
     * @param tasks this shell's tasks
     * @param floor the least code the tasks give (a cancelled job's {@code 128 + signal})
     * @param shellExitFailed whether a {@code shell.exit} handler failed
     * @return the shell's exit code: the failure's when it failed, else the largest task exit code (at
     *     least {@code floor}, and 1 when {@code shell.exit} failed)
     */
    synchronized int exitCode(List<TaskRecord> tasks, int floor, boolean shellExitFailed) {
        if (state != State.RUNNING) {
            return Math.max(1, code);
        }
        int result = Math.max(floor, shellExitFailed ? 1 : 0);
        for (TaskRecord t : tasks) {
            result = Math.max(result, Math.max(0, t.exitCode()));
        }
        return result;
    }
}
