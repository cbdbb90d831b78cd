package org.jobshell.launcher;

/** The container could not be started: one line for the user. */
final class LauncherException extends Exception {

    private static final long serialVersionUID = 1L;

    LauncherException(String message) {
        super(message, null, false, false);
    }
}
