package org.jobshell.core.spi;

/** A process could not be started. */
public final class SpawnException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int errno;

    /**
     * @param errno the error number (2 for ENOENT, 13 for EACCES, ...), 0 when unknown
     * @param message the system's description, e.g. {@code No such file or directory}
     */
    public SpawnException(int errno, String message) {
        super(message, null, false, false);
        this.errno = errno;
    }

    /** @return the error number, 0 when unknown */
    public int errno() {
        return errno;
    }

    /** @return the exit code the reference uses: 127 for ENOENT, 126 for EACCES/EPERM, else 1 */
    public int exitCode() {
        switch (errno) {
            case 2:
                return 127;
            case 1:
            case 13:
                return 126;
            default:
                return 1;
        }
    }
}
