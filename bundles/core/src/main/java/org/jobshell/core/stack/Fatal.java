package org.jobshell.core.stack;

/**
 * Thrown through a dispatch when the job has failed (a plugin called {@code shell.die}, or the
 * shell was abandoned): the remaining plugins of the call are not called.
 */
public final class Fatal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the fatal message, already logged */
    public Fatal(String message) {
        super(message, null, false, false);
    }
}
