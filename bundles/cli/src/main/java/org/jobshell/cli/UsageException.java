package org.jobshell.cli;

/** A bad command line: printed as one line {@code jobshell: error: <message>}, exit 1. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
