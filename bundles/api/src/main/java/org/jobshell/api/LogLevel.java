package org.jobshell.api;

/** Log levels, with the syslog numbers the reference uses. */
public enum LogLevel {
    /** The job fails. */
    FATAL(0, "FATAL"),
    /** An error. */
    ERROR(3, "ERROR"),
    /** A warning. */
    WARN(4, " WARN"),
    /** Normal, shown by default; printed without a level token. */
    NOTICE(5, ""),
    /** Shown at verbose 1. */
    DEBUG(6, "DEBUG"),
    /** Shown at verbose 2. */
    TRACE(7, "TRACE");

    private final int severity;
    private final String token;

    LogLevel(int severity, String token) {
        this.severity = severity;
        this.token = token;
    }

    /** @return the syslog severity: 0 FATAL ... 7 TRACE */
    public int severity() {
        return severity;
    }

    /** @return the label printed before the message ({@code " WARN"} is padded to 5), empty for NOTICE */
    public String token() {
        return token;
    }

    /**
     * @param severity a syslog severity
     * @return the level, the nearest more severe one for numbers in between
     */
    public static LogLevel ofSeverity(int severity) {
        for (LogLevel l : values()) {
            if (severity <= l.severity) {
                return l;
            }
        }
        return TRACE;
    }
}
