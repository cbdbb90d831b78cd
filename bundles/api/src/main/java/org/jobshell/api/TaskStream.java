package org.jobshell.api;

/** The output streams of a task. */
public enum TaskStream {
    /** Standard output. */
    STDOUT("stdout"),
    /** Standard error. */
    STDERR("stderr");

    private final String label;

    TaskStream(String label) {
        this.label = label;
    }

    /** @return the name used in eventlogs: {@code stdout} or {@code stderr} */
    public String label() {
        return label;
    }
}
