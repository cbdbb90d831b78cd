package org.jobshell.api;

/**
 * A failure whose message is complete for users: the core prints it on one line, without a stack
 * trace. Plugins throw it for errors such as a bad option value.
 */
public class ShellException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the culprit (option, file, field) */
    public ShellException(String message) {
        super(message, null, false, false);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying error
     */
    public ShellException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
