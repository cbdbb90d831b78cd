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
     * @param rank the shell that logs
     * @param component what logs (a plugin's name), or null
     * @param message the message
     * @return the line shown for a message at this level: {@code jobshell[RANK]: LEVEL: COMPONENT: MESSAGE}
     *     and a newline, without the level for NOTICE and without the component when there is none
     */
    public String line(int rank, String component, String message) {
        StringBuilder line = new StringBuilder(32 + message.length()).append("jobshell[").append(rank).append("]: ");
        if (!token.isEmpty()) {
            line.append(token).append(": ");
        }
        if (component != null) {
            line.append(component).append(": ");
        }
        return line.append(message).append('\n').toString();
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
