package org.jobshell.bench.launch;

import java.util.List;

/** What each task runs, as the C harness runs it. */
enum Workload {
    /** {@code /bin/true}: no output (the launcher still gives it pipes). */
    TRUE,
    /** {@code /bin/echo task <i>}: one line of output, read through the observer. */
    ECHO;

    /**
     * @param i the task index
     * @return the command line of task {@code i}
     */
    List<String> argv(int i) {
        return this == TRUE ? List.of("/bin/true") : List.of("/bin/echo", "task", Integer.toString(i));
    }

    /** @return the lines a batch of {@code n} tasks prints */
    long expectedLines(int n) {
        return this == TRUE ? 0 : n;
    }

    /**
     * @param name {@code true} or {@code echo}
     * @return the workload
     */
    static Workload of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** @return {@code true} or {@code echo} */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
