package org.jobshell.plugin.pmisimple;

/** A client broke the PMI-1 wire protocol: the job fails with this message. */
final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what the client did wrong, naming the request */
    ProtocolException(String message) {
        super(message);
    }
}
